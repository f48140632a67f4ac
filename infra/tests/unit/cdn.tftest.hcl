# CDN module: OAC, signed URLs, TLS, geo restriction, headers, logs.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

variables {
  name_prefix                        = "streamingapp-test"
  origin_bucket_regional_domain_name = "streamingapp-test-videos-123456789012.s3.eu-west-1.amazonaws.com"
  public_keys                        = { "2025-06" = file("./fixtures/cloudfront-test.pub.pem") }
  frontend_origins                   = ["https://app.streamingapp.example"]
  aliases                            = ["media.streamingapp.example"]
  acm_certificate_arn                = "arn:aws:acm:us-east-1:123456789012:certificate/8b2d4c56-1a2b-4c3d-9e8f-0123456789ab"
  web_acl_arn                        = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/streamingapp-test-cdn/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

run "signed_https_distribution" {
  command = plan

  module {
    source = "../../modules/cdn"
  }

  variables {
    geo_restriction_type      = "whitelist"
    geo_restriction_locations = ["FR", "BE", "CH"]
  }

  assert {
    condition = alltrue([for b in concat(aws_cloudfront_distribution.this.default_cache_behavior, aws_cloudfront_distribution.this.ordered_cache_behavior) :
    contains(["https-only", "redirect-to-https"], b.viewer_protocol_policy)])
    error_message = "Every cache behavior must be https-only or redirect-to-https."
  }

  assert {
    condition = alltrue([
      aws_cloudfront_distribution.this.viewer_certificate[0].minimum_protocol_version == "TLSv1.2_2021",
      aws_cloudfront_distribution.this.viewer_certificate[0].ssl_support_method == "sni-only",
      !aws_cloudfront_distribution.this.viewer_certificate[0].cloudfront_default_certificate,
    ])
    error_message = "With a custom certificate the distribution must require TLSv1.2_2021 (SNI)."
  }

  assert {
    condition = alltrue([for b in concat(aws_cloudfront_distribution.this.default_cache_behavior, aws_cloudfront_distribution.this.ordered_cache_behavior) :
    toset(b.trusted_key_groups) == toset([aws_cloudfront_key_group.signers.id])])
    error_message = "Every cache behavior must trust the key group (signed URLs only)."
  }

  assert {
    condition     = toset(aws_cloudfront_key_group.signers.items) == toset([aws_cloudfront_public_key.signers["2025-06"].id])
    error_message = "The key group must contain exactly the configured public keys."
  }

  assert {
    condition = alltrue([
      one(aws_cloudfront_distribution.this.origin).origin_access_control_id == aws_cloudfront_origin_access_control.videos.id,
      aws_cloudfront_origin_access_control.videos.signing_behavior == "always",
      aws_cloudfront_origin_access_control.videos.signing_protocol == "sigv4",
    ])
    error_message = "The S3 origin must use Origin Access Control signing every request with SigV4."
  }

  assert {
    condition = alltrue([for p in [aws_cloudfront_cache_policy.segments[0], aws_cloudfront_cache_policy.playlists[0]] :
      p.parameters_in_cache_key_and_forwarded_to_origin[0].query_strings_config[0].query_string_behavior == "none" &&
      p.parameters_in_cache_key_and_forwarded_to_origin[0].headers_config[0].header_behavior == "none" &&
    p.parameters_in_cache_key_and_forwarded_to_origin[0].cookies_config[0].cookie_behavior == "none"])
    error_message = "HLS cache keys must exclude query strings (the URL signature), headers and cookies."
  }

  assert {
    condition     = aws_cloudfront_cache_policy.segments[0].default_ttl == 31536000 && aws_cloudfront_cache_policy.playlists[0].max_ttl == 5
    error_message = "Segments must be cached as immutable and playlists only for a few seconds."
  }

  assert {
    condition     = one([for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.cache_policy_id if b.path_pattern == "*.m3u8"]) == aws_cloudfront_cache_policy.playlists[0].id
    error_message = "Playlists (*.m3u8) must use the short-TTL cache policy."
  }

  assert {
    condition = alltrue([
      aws_cloudfront_response_headers_policy.security[0].security_headers_config[0].strict_transport_security[0].access_control_max_age_sec >= 31536000,
      aws_cloudfront_response_headers_policy.security[0].security_headers_config[0].content_type_options[0].override,
      aws_cloudfront_response_headers_policy.security[0].security_headers_config[0].frame_options[0].frame_option == "DENY",
      aws_cloudfront_response_headers_policy.security[0].security_headers_config[0].referrer_policy[0].referrer_policy == "strict-origin-when-cross-origin",
    ])
    error_message = "The response headers policy must set HSTS, nosniff, frame options and referrer policy."
  }

  assert {
    condition     = aws_cloudfront_response_headers_policy.security[0].cors_config[0].access_control_allow_origins[0].items == toset(var.frontend_origins)
    error_message = "CORS must allow exactly the frontend origins (hls.js fetches with XHR)."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.web_acl_id == var.web_acl_arn
    error_message = "The distribution must be associated with the WAF web ACL."
  }

  assert {
    condition = alltrue([
      aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].restriction_type == "whitelist",
      aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].locations == toset(["FR", "BE", "CH"]),
    ])
    error_message = "A whitelist must be passed to the distribution with its countries."
  }

  assert {
    condition     = aws_s3_bucket_public_access_block.logs[0].block_public_acls && aws_s3_bucket_public_access_block.logs[0].block_public_policy && aws_s3_bucket_public_access_block.logs[0].ignore_public_acls && aws_s3_bucket_public_access_block.logs[0].restrict_public_buckets
    error_message = "The log bucket must block public access with all four flags."
  }

  # Standard logging is not set up for SSE-KMS here (it cannot use the aws/s3
  # key, and a customer managed key needs a log-delivery key policy): the log
  # bucket uses SSE-S3, and that is what is asserted.
  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.logs[0].rule).apply_server_side_encryption_by_default[0].sse_algorithm == "AES256"
    error_message = "The log bucket must be encrypted at rest with SSE-S3 (AES256)."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.logs[0].policy).Statement :
    s.Effect == "Deny" && s.Principal == "*" && s.Action == "s3:*" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])
    error_message = "The log bucket policy must deny non-TLS requests."
  }

  assert {
    condition = aws_s3_bucket_ownership_controls.logs[0].rule[0].object_ownership == "BucketOwnerPreferred" && anytrue([for g in aws_s3_bucket_acl.logs[0].access_control_policy[0].grant :
    g.grantee[0].id == var.log_delivery_canonical_user_id && g.permission == "FULL_CONTROL"])
    error_message = "The log bucket must keep ACLs enabled (BucketOwnerPreferred) and grant the CloudFront log delivery account."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.logging_config[0].bucket == aws_s3_bucket.logs[0].bucket_domain_name
    error_message = "Access logs must go to the log bucket."
  }
}

run "geo_blacklist" {
  command = plan

  module {
    source = "../../modules/cdn"
  }

  variables {
    geo_restriction_type      = "blacklist"
    geo_restriction_locations = ["KP"]
  }

  assert {
    condition = alltrue([
      aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].restriction_type == "blacklist",
      aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].locations == toset(["KP"]),
    ])
    error_message = "A blacklist must be passed to the distribution with its countries."
  }
}

run "default_certificate_only_when_allowed" {
  command = plan

  module {
    source = "../../modules/cdn"
  }

  variables {
    aliases                    = []
    acm_certificate_arn        = null
    require_custom_certificate = false
  }

  assert {
    condition     = aws_cloudfront_distribution.this.viewer_certificate[0].cloudfront_default_certificate && output.effective_minimum_protocol_version == "TLSv1"
    error_message = "Without a certificate the distribution uses *.cloudfront.net and the module must report the TLSv1 policy CloudFront applies."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].restriction_type == "none" && length(aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].locations) == 0
    error_message = "geo_restriction_type = none must leave the distribution unrestricted."
  }
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/cdn"
  }

  variables {
    geo_restriction_type      = "whitelist"
    geo_restriction_locations = ["fr", "FRA"]
    viewer_protocol_policy    = "allow-all"
    minimum_protocol_version  = "TLSv1"
    public_keys = {
      a = file("./fixtures/cloudfront-test.pub.pem")
      b = file("./fixtures/cloudfront-test.pub.pem")
      c = file("./fixtures/cloudfront-test.pub.pem")
    }
  }

  expect_failures = [
    var.geo_restriction_locations,
    var.viewer_protocol_policy,
    var.minimum_protocol_version,
    var.public_keys,
  ]
}

run "rejects_default_certificate_and_stray_countries" {
  command = plan

  module {
    source = "../../modules/cdn"
  }

  variables {
    aliases                   = []
    acm_certificate_arn       = null
    geo_restriction_type      = "none"
    geo_restriction_locations = ["FR"]
  }

  # require_custom_certificate defaults to true.
  expect_failures = [var.acm_certificate_arn, var.geo_restriction_locations]
}
