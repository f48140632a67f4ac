data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_canonical_user_id" "current" {
  count = var.enable_logging ? 1 : 0
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  origin_id       = "videos-s3"
  log_bucket_name = "${var.name_prefix}-cdn-logs-${local.account_id}"
  log_bucket_arn  = "arn:${local.partition}:s3:::${local.log_bucket_name}"

  use_custom_certificate = var.acm_certificate_arn != null

  # With the *.cloudfront.net certificate CloudFront always applies TLSv1; say so
  # explicitly instead of pretending the variable applies.
  effective_minimum_protocol_version = local.use_custom_certificate ? var.minimum_protocol_version : "TLSv1"

  # AWS managed fallbacks, used only when create_edge_policies = false.
  managed_caching_optimized_policy_id  = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  managed_cors_security_headers_policy = "eaab4381-ed33-4a86-88ca-d9558dc6cd63"

  segment_cache_policy_id    = var.create_edge_policies ? aws_cloudfront_cache_policy.segments[0].id : local.managed_caching_optimized_policy_id
  playlist_cache_policy_id   = var.create_edge_policies ? aws_cloudfront_cache_policy.playlists[0].id : local.managed_caching_optimized_policy_id
  response_headers_policy_id = var.create_edge_policies ? aws_cloudfront_response_headers_policy.security[0].id : local.managed_cors_security_headers_policy

  # Ordered behaviours by path pattern; everything else (segments, init
  # segments, thumbnails) uses the default behaviour.
  ordered_behaviors = {
    "*.m3u8" = local.playlist_cache_policy_id
  }
}

# ---------------------------------------------------------------------------
# Origin access: OAC, SigV4 on every origin request
# ---------------------------------------------------------------------------

resource "aws_cloudfront_origin_access_control" "videos" {
  name                              = "${var.name_prefix}-videos"
  description                       = "SigV4-signed access of ${var.name_prefix} CloudFront to the video bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# ---------------------------------------------------------------------------
# Signed URLs: public keys + key group trusted by every behaviour
# ---------------------------------------------------------------------------

resource "aws_cloudfront_public_key" "signers" {
  for_each = var.public_keys

  name        = "${var.name_prefix}-${each.key}"
  comment     = "${var.name_prefix} URL signing key ${each.key}"
  encoded_key = "${trimspace(each.value)}\n"
}

resource "aws_cloudfront_key_group" "signers" {
  name    = "${var.name_prefix}-url-signers"
  comment = "Keys whose private half the Api uses to sign playback URLs"
  items   = [for name in sort(keys(var.public_keys)) : aws_cloudfront_public_key.signers[name].id]
}

# ---------------------------------------------------------------------------
# Cache and response headers policies for HLS
# ---------------------------------------------------------------------------

# Segments never change once written. The cache key ignores the query string:
# every viewer's signed URL (Expires/Policy/Signature/Key-Pair-Id) maps to the
# same cached object; CloudFront checks the signature at the edge on every
# request before it looks at the cache.
resource "aws_cloudfront_cache_policy" "segments" {
  count = var.create_edge_policies ? 1 : 0

  name        = "${var.name_prefix}-hls-segments"
  comment     = "Immutable HLS segments, init segments and thumbnails"
  min_ttl     = 0
  default_ttl = var.segment_ttl_seconds
  max_ttl     = var.segment_ttl_seconds

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

resource "aws_cloudfront_cache_policy" "playlists" {
  count = var.create_edge_policies ? 1 : 0

  name        = "${var.name_prefix}-hls-playlists"
  comment     = "HLS playlists: short TTL"
  min_ttl     = 0
  default_ttl = var.playlist_ttl_seconds
  max_ttl     = var.playlist_ttl_seconds

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

resource "aws_cloudfront_response_headers_policy" "security" {
  count = var.create_edge_policies ? 1 : 0

  name    = "${var.name_prefix}-hls-security-headers"
  comment = "HSTS, nosniff, frame and referrer policy; CORS for the frontend (hls.js uses XHR)"

  dynamic "cors_config" {
    for_each = length(var.frontend_origins) > 0 ? [1] : []

    content {
      # Signed URLs, not cookies: no credentials cross origins.
      access_control_allow_credentials = false
      access_control_max_age_sec       = 600
      origin_override                  = true

      access_control_allow_headers {
        items = ["Range"]
      }
      access_control_allow_methods {
        items = ["GET", "HEAD"]
      }
      access_control_allow_origins {
        items = var.frontend_origins
      }
      access_control_expose_headers {
        items = ["Content-Length", "Content-Range"]
      }
    }
  }

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = var.hsts_max_age_seconds
      include_subdomains         = true
      preload                    = false
      override                   = true
    }
    content_type_options {
      override = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
  }
}

# ---------------------------------------------------------------------------
# Access log bucket. CloudFront standard logs are delivered by the
# awslogsdelivery account through a bucket ACL, so this bucket keeps ACLs
# enabled (BucketOwnerPreferred). It uses SSE-S3: standard logging cannot use
# the aws/s3 KMS key, and a customer managed key would need a key policy for the
# log delivery service (see the module README).
# ---------------------------------------------------------------------------

resource "aws_s3_bucket" "logs" {
  count = var.enable_logging ? 1 : 0

  bucket        = local.log_bucket_name
  force_destroy = var.force_destroy_logs

  tags = { Name = local.log_bucket_name }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  count  = var.enable_logging ? 1 : 0
  bucket = aws_s3_bucket.logs[0].id

  # The log-delivery grant is to a specific canonical user, not a public grant,
  # so all four switches stay on.
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  count  = var.enable_logging ? 1 : 0
  bucket = aws_s3_bucket.logs[0].id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "logs" {
  count  = var.enable_logging ? 1 : 0
  bucket = aws_s3_bucket.logs[0].id

  access_control_policy {
    owner {
      id = data.aws_canonical_user_id.current[0].id
    }

    grant {
      permission = "FULL_CONTROL"
      grantee {
        type = "CanonicalUser"
        id   = data.aws_canonical_user_id.current[0].id
      }
    }

    grant {
      permission = "FULL_CONTROL"
      grantee {
        type = "CanonicalUser"
        id   = var.log_delivery_canonical_user_id
      }
    }
  }

  depends_on = [aws_s3_bucket_ownership_controls.logs]
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  count  = var.enable_logging ? 1 : 0
  bucket = aws_s3_bucket.logs[0].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  count  = var.enable_logging ? 1 : 0
  bucket = aws_s3_bucket.logs[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "DenyTlsOlderThan12"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]
        Condition = { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  count  = var.enable_logging ? 1 : 0
  bucket = aws_s3_bucket.logs[0].id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = var.log_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# ---------------------------------------------------------------------------
# Distribution
# ---------------------------------------------------------------------------

resource "aws_cloudfront_distribution" "this" {
  enabled             = true
  comment             = "${var.name_prefix} HLS video delivery (signed URLs only)"
  aliases             = var.aliases
  price_class         = var.price_class
  http_version        = "http2and3"
  is_ipv6_enabled     = true
  web_acl_id          = var.web_acl_arn
  wait_for_deployment = var.wait_for_deployment

  origin {
    origin_id                = local.origin_id
    domain_name              = var.origin_bucket_regional_domain_name
    origin_path              = var.origin_path
    origin_access_control_id = aws_cloudfront_origin_access_control.videos.id
  }

  default_cache_behavior {
    target_origin_id           = local.origin_id
    viewer_protocol_policy     = var.viewer_protocol_policy
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = local.segment_cache_policy_id
    response_headers_policy_id = local.response_headers_policy_id
    trusted_key_groups         = [aws_cloudfront_key_group.signers.id]
  }

  dynamic "ordered_cache_behavior" {
    for_each = local.ordered_behaviors

    content {
      path_pattern               = ordered_cache_behavior.key
      target_origin_id           = local.origin_id
      viewer_protocol_policy     = var.viewer_protocol_policy
      allowed_methods            = ["GET", "HEAD"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = ordered_cache_behavior.value
      response_headers_policy_id = local.response_headers_policy_id
      trusted_key_groups         = [aws_cloudfront_key_group.signers.id]
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = var.geo_restriction_type
      locations        = var.geo_restriction_locations
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = !local.use_custom_certificate
    acm_certificate_arn            = var.acm_certificate_arn
    ssl_support_method             = local.use_custom_certificate ? "sni-only" : null
    minimum_protocol_version       = local.effective_minimum_protocol_version
  }

  dynamic "logging_config" {
    for_each = var.enable_logging ? [1] : []

    content {
      bucket          = aws_s3_bucket.logs[0].bucket_domain_name
      prefix          = "cloudfront/"
      include_cookies = false
    }
  }

  tags = { Name = "${var.name_prefix}-videos" }

  # CloudFront checks the log bucket ACL when logging is configured.
  depends_on = [aws_s3_bucket_acl.logs]
}
