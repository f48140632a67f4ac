# Storage module: video bucket, replica bucket, replication, keys.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

mock_provider "aws" {
  alias           = "replica"
  source          = "./mocks"
  override_during = plan

  mock_data "aws_region" {
    defaults = {
      name = "eu-central-1"
    }
  }
}

variables {
  name_prefix                  = "streamingapp-test"
  cors_allowed_origins         = ["https://app.streamingapp.example"]
  cloudfront_distribution_arns = ["arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"]
}

run "secure_defaults" {
  command = plan

  module {
    source = "../../modules/storage"
  }

  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  assert {
    condition = alltrue([for pab in [aws_s3_bucket_public_access_block.videos, aws_s3_bucket_public_access_block.replica[0]] :
    pab.block_public_acls && pab.block_public_policy && pab.ignore_public_acls && pab.restrict_public_buckets])
    error_message = "Every bucket of the storage module must block public access with all four flags."
  }

  assert {
    condition = alltrue([for sse in [aws_s3_bucket_server_side_encryption_configuration.videos, aws_s3_bucket_server_side_encryption_configuration.replica[0]] :
    one(sse.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms" && one(sse.rule).bucket_key_enabled])
    error_message = "Every bucket of the storage module must default to SSE-KMS with the S3 bucket key enabled."
  }

  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.videos.rule).apply_server_side_encryption_by_default[0].kms_master_key_id == aws_kms_key.videos.arn
    error_message = "The video bucket must be encrypted with the module's customer managed key."
  }

  assert {
    condition = alltrue([for policy in [aws_s3_bucket_policy.videos.policy, aws_s3_bucket_policy.replica[0].policy] :
      anytrue([for s in jsondecode(policy).Statement :
    s.Effect == "Deny" && s.Principal == "*" && s.Action == "s3:*" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])])
    error_message = "Every bucket policy must deny all S3 actions over non-TLS requests (aws:SecureTransport = false)."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.videos.policy).Statement :
    s.Effect == "Deny" && s.Action == "s3:PutObject" && try(s.Condition.StringNotEqualsIfExists["s3:x-amz-server-side-encryption"], "") == "aws:kms"])
    error_message = "The video bucket policy must deny uploads that request an encryption other than aws:kms."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.videos.policy).Statement :
    s.Effect == "Deny" && s.Action == "s3:PutObject" && try(s.Condition.StringNotEqualsIfExists["s3:x-amz-server-side-encryption-aws-kms-key-id"], "") == aws_kms_key.videos.arn])
    error_message = "The video bucket policy must deny uploads that name another KMS key."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.videos.policy).Statement :
      s.Effect == "Allow" && s.Principal == { Service = "cloudfront.amazonaws.com" } && s.Action == "s3:GetObject" &&
      s.Resource == "arn:aws:s3:::streamingapp-test-videos-123456789012/media/*" &&
    toset(try(s.Condition.StringEquals["aws:SourceArn"], [])) == toset(var.cloudfront_distribution_arns)])
    error_message = "CloudFront may only read media/ through OAC, restricted by aws:SourceArn to the distribution."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_kms_key_policy.videos.policy).Statement :
      s.Effect == "Allow" && s.Principal == { Service = "cloudfront.amazonaws.com" } && s.Action == "kms:Decrypt" &&
    toset(try(s.Condition.StringEquals["aws:SourceArn"], [])) == toset(var.cloudfront_distribution_arns)])
    error_message = "The video key policy must let CloudFront decrypt for the distribution only (OAC reads SSE-KMS objects)."
  }

  assert {
    condition     = alltrue([for k in [aws_kms_key.videos, aws_kms_key.replica[0]] : k.enable_key_rotation])
    error_message = "Every KMS key of the storage module must have automatic rotation enabled."
  }

  assert {
    condition     = aws_s3_bucket_versioning.videos.versioning_configuration[0].status == "Enabled" && aws_s3_bucket_versioning.replica[0].versioning_configuration[0].status == "Enabled"
    error_message = "Both buckets must be versioned (replication and AWS Backup for S3 require it)."
  }

  assert {
    condition     = aws_s3_bucket_ownership_controls.videos.rule[0].object_ownership == "BucketOwnerEnforced" && aws_s3_bucket_ownership_controls.replica[0].rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "Both buckets must disable ACLs (BucketOwnerEnforced)."
  }

  assert {
    condition = alltrue([
      one([for r in aws_s3_bucket_lifecycle_configuration.videos.rule : r.abort_incomplete_multipart_upload[0].days_after_initiation if length(r.abort_incomplete_multipart_upload) > 0]) == 7,
      one([for r in aws_s3_bucket_lifecycle_configuration.videos.rule : r.noncurrent_version_expiration[0].noncurrent_days if length(r.noncurrent_version_expiration) > 0]) == 30,
    ])
    error_message = "The lifecycle must abort incomplete multipart uploads and expire noncurrent versions after the configured days."
  }

  assert {
    condition = anytrue([for r in aws_s3_bucket_lifecycle_configuration.videos.rule :
      one(r.transition).storage_class == "STANDARD_IA" && one(r.transition).days == 90 && r.filter[0].prefix == "media/"
    if length(r.transition) > 0])
    error_message = "Renditions under media/ must transition to STANDARD_IA after media_ia_transition_days."
  }

  assert {
    condition = alltrue([
      one(aws_s3_bucket_cors_configuration.videos[0].cors_rule).allowed_methods == toset(["PUT"]),
      one(aws_s3_bucket_cors_configuration.videos[0].cors_rule).expose_headers == toset(["ETag"]),
      one(aws_s3_bucket_cors_configuration.videos[0].cors_rule).allowed_origins == toset(var.cors_allowed_origins),
    ])
    error_message = "CORS must allow only PUT from the frontend origin and expose ETag for multipart uploads."
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_replication_configuration.videos[0].rule[0].destination[0].encryption_configuration[0].replica_kms_key_id == aws_kms_key.replica[0].arn,
      aws_s3_bucket_replication_configuration.videos[0].rule[0].source_selection_criteria[0].sse_kms_encrypted_objects[0].status == "Enabled",
    ])
    error_message = "Replication must replicate SSE-KMS objects and re-encrypt them with the replica region's key."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.replication[0].policy).Statement :
    alltrue([for a in flatten([s.Action]) : a != "*" && !endswith(a, ":*")]) && !contains(flatten([s.Resource]), "*")])
    error_message = "The replication role policy must not use * actions or * resources."
  }

  assert {
    condition     = aws_s3_bucket_replication_configuration.videos[0].rule[0].destination[0].metrics[0].status == "Enabled"
    error_message = "Replication metrics must be enabled, otherwise the ReplicationLatency alarm never gets data."
  }
}

run "no_cloudfront_access_without_distribution" {
  command = plan

  module {
    source = "../../modules/storage"
  }

  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  variables {
    cloudfront_distribution_arns = []
    enable_replication           = false
  }

  assert {
    condition     = !anytrue([for s in jsondecode(aws_s3_bucket_policy.videos.policy).Statement : s.Effect == "Allow"])
    error_message = "Without a distribution ARN the bucket policy must not allow anything."
  }

  assert {
    condition     = length(aws_s3_bucket.replica) == 0 && length(aws_s3_bucket_replication_configuration.videos) == 0
    error_message = "enable_replication = false must not create the replica bucket or the replication rule."
  }
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/storage"
  }

  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  variables {
    media_ia_transition_days     = 10
    cors_allowed_origins         = ["http://app.streamingapp.example"]
    cloudfront_distribution_arns = ["arn:aws:cloudfront:123456789012:distribution/EDFDVBD6EXAMPLE"]
  }

  expect_failures = [var.media_ia_transition_days, var.cors_allowed_origins, var.cloudfront_distribution_arns]
}
