data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

data "aws_region" "replica" {
  provider = aws.replica
}

locals {
  account_id     = data.aws_caller_identity.current.account_id
  partition      = data.aws_partition.current.partition
  dns_suffix     = data.aws_partition.current.dns_suffix
  region         = data.aws_region.current.name
  replica_region = data.aws_region.replica.name

  bucket_name         = "${var.name_prefix}-videos-${local.account_id}"
  replica_bucket_name = "${var.name_prefix}-videos-replica-${local.account_id}"
  bucket_arn          = "arn:${local.partition}:s3:::${local.bucket_name}"
  replica_bucket_arn  = "arn:${local.partition}:s3:::${local.replica_bucket_name}"

  replication_rule_id = "replicate-everything"

  account_root = "arn:${local.partition}:iam::${local.account_id}:root"

  # Statements shared by the video and the replica bucket policies.
  # TLS is enforced for every principal, including the account itself.
  tls_statements = [for arn in [local.bucket_arn, local.replica_bucket_arn] : [
    {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [arn, "${arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    },
    {
      Sid       = "DenyTlsOlderThan12"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [arn, "${arn}/*"]
      Condition = { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
    },
  ]]
}

# ---------------------------------------------------------------------------
# KMS keys: one per region, rotation on.
# ---------------------------------------------------------------------------

resource "aws_kms_key" "videos" {
  description             = "${var.name_prefix} video bucket (SSE-KMS with bucket key)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days

  tags = { Name = "${var.name_prefix}-videos" }
}

# Separate from the key: the policy needs the distribution ARN, and CloudFront
# takes minutes to deploy. This way only the policy waits for it, while the key,
# the bucket encryption and the IAM policies using the key are created at once.
resource "aws_kms_key_policy" "videos" {
  key_id = aws_kms_key.videos.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{
        # Delegates key use to IAM policies of this account (the AWS default key policy
        # statement); workload roles get narrow kms: permissions in the iam module.
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = "kms:*"
        Resource  = "*"
      }],
      length(var.cloudfront_distribution_arns) == 0 ? [] : [{
        # Origin Access Control signs S3 requests as the CloudFront service; objects
        # encrypted with this key are only readable if CloudFront may decrypt.
        Sid       = "CloudFrontOriginAccessControlDecrypt"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.${local.dns_suffix}" }
        Action    = "kms:Decrypt"
        Resource  = "*"
        Condition = { StringEquals = { "aws:SourceArn" = var.cloudfront_distribution_arns } }
      }],
    )
  })
}

resource "aws_kms_alias" "videos" {
  name          = "alias/${var.name_prefix}-videos"
  target_key_id = aws_kms_key.videos.key_id
}

resource "aws_kms_key" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  description             = "${var.name_prefix} video replica bucket (SSE-KMS with bucket key)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = local.account_root }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })

  tags = { Name = "${var.name_prefix}-videos-replica" }
}

resource "aws_kms_alias" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  name          = "alias/${var.name_prefix}-videos-replica"
  target_key_id = aws_kms_key.replica[0].key_id
}

# ---------------------------------------------------------------------------
# Video bucket
# ---------------------------------------------------------------------------

resource "aws_s3_bucket" "videos" {
  bucket        = local.bucket_name
  force_destroy = var.force_destroy

  tags = { Name = local.bucket_name }
}

resource "aws_s3_bucket_public_access_block" "videos" {
  bucket = aws_s3_bucket.videos.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "videos" {
  bucket = aws_s3_bucket.videos.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "videos" {
  bucket = aws_s3_bucket.videos.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.videos.arn
    }
    # One data key per bucket instead of per object: far fewer KMS requests for
    # thousands of HLS segments.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "videos" {
  bucket = aws_s3_bucket.videos.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "videos" {
  bucket = aws_s3_bucket.videos.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      local.tls_statements[0],
      [
        {
          # Default encryption applies SSE-KMS when no header is sent; a request that
          # asks for another algorithm (e.g. AES256) is refused. IfExists keeps
          # UploadPart (which never carries encryption headers) working.
          Sid       = "DenyNonKmsEncryption"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:PutObject"
          Resource  = "${local.bucket_arn}/*"
          Condition = { StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption" = "aws:kms" } }
        },
        {
          Sid       = "DenyOtherKmsKey"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:PutObject"
          Resource  = "${local.bucket_arn}/*"
          Condition = { StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption-aws-kms-key-id" = aws_kms_key.videos.arn } }
        },
        {
          Sid       = "DenyCustomerProvidedKeys"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:PutObject"
          Resource  = "${local.bucket_arn}/*"
          Condition = { Null = { "s3:x-amz-server-side-encryption-customer-algorithm" = "false" } }
        },
      ],
      length(var.cloudfront_distribution_arns) == 0 ? [] : [{
        Sid       = "AllowCloudFrontOriginAccessControlRead"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.${local.dns_suffix}" }
        Action    = "s3:GetObject"
        Resource  = "${local.bucket_arn}/${var.media_prefix}*"
        Condition = { StringEquals = { "aws:SourceArn" = var.cloudfront_distribution_arns } }
      }],
    )
  })

  # A policy cannot be attached while BlockPublicPolicy is being configured.
  depends_on = [aws_s3_bucket_public_access_block.videos]
}

resource "aws_s3_bucket_lifecycle_configuration" "videos" {
  bucket = aws_s3_bucket.videos.id

  # STANDARD_IA bills at least 128 KiB per object: objects smaller than that
  # (playlists, init segments) never transition.
  transition_default_minimum_object_size = "all_storage_classes_128K"

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = var.abort_incomplete_multipart_upload_days
    }
  }

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    expiration {
      expired_object_delete_marker = true
    }
  }

  rule {
    id     = "media-to-standard-ia"
    status = "Enabled"

    filter {
      prefix = var.media_prefix
    }

    transition {
      days          = var.media_ia_transition_days
      storage_class = "STANDARD_IA"
    }
  }

  depends_on = [aws_s3_bucket_versioning.videos]
}

resource "aws_s3_bucket_cors_configuration" "videos" {
  count  = length(var.cors_allowed_origins) > 0 ? 1 : 0
  bucket = aws_s3_bucket.videos.id

  cors_rule {
    id              = "browser-multipart-upload"
    allowed_methods = ["PUT"]
    allowed_origins = var.cors_allowed_origins
    allowed_headers = ["content-type", "content-md5", "x-amz-*"]
    # The browser needs each part's ETag to complete the multipart upload.
    expose_headers  = ["ETag"]
    max_age_seconds = 3000
  }
}

# ---------------------------------------------------------------------------
# Replica bucket in the second region
# ---------------------------------------------------------------------------

resource "aws_s3_bucket" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  bucket        = local.replica_bucket_name
  force_destroy = var.force_destroy

  tags = { Name = local.replica_bucket_name }
}

resource "aws_s3_bucket_public_access_block" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  bucket = aws_s3_bucket.replica[0].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  bucket = aws_s3_bucket.replica[0].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  bucket = aws_s3_bucket.replica[0].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.replica[0].arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  bucket = aws_s3_bucket.replica[0].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  bucket = aws_s3_bucket.replica[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      local.tls_statements[1],
      [
        {
          Sid       = "DenyNonKmsEncryption"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:PutObject"
          Resource  = "${local.replica_bucket_arn}/*"
          Condition = { StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption" = "aws:kms" } }
        },
        {
          Sid       = "DenyOtherKmsKey"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:PutObject"
          Resource  = "${local.replica_bucket_arn}/*"
          Condition = { StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption-aws-kms-key-id" = aws_kms_key.replica[0].arn } }
        },
      ],
    )
  })

  depends_on = [aws_s3_bucket_public_access_block.replica]
}

resource "aws_s3_bucket_lifecycle_configuration" "replica" {
  count    = var.enable_replication ? 1 : 0
  provider = aws.replica

  bucket = aws_s3_bucket.replica[0].id

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    expiration {
      expired_object_delete_marker = true
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = var.abort_incomplete_multipart_upload_days
    }
  }

  depends_on = [aws_s3_bucket_versioning.replica]
}

# ---------------------------------------------------------------------------
# Replication (SSE-KMS objects, re-encrypted with the replica key)
# ---------------------------------------------------------------------------

resource "aws_iam_role" "replication" {
  count = var.enable_replication ? 1 : 0

  name        = "${var.name_prefix}-s3-replication"
  description = "S3 replication of ${local.bucket_name} to ${local.replica_bucket_name}."

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "S3ReplicationService"
      Effect    = "Allow"
      Principal = { Service = "s3.${local.dns_suffix}" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
        ArnLike      = { "aws:SourceArn" = local.bucket_arn }
      }
    }]
  })
}

resource "aws_iam_role_policy" "replication" {
  count = var.enable_replication ? 1 : 0

  name = "replicate-videos"
  role = aws_iam_role.replication[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadReplicationConfiguration"
        Effect   = "Allow"
        Action   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
        Resource = local.bucket_arn
      },
      {
        Sid      = "ReadSourceVersions"
        Effect   = "Allow"
        Action   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
        Resource = "${local.bucket_arn}/*"
      },
      {
        Sid      = "WriteReplicas"
        Effect   = "Allow"
        Action   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
        Resource = "${local.replica_bucket_arn}/*"
      },
      {
        Sid      = "DecryptSource"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = aws_kms_key.videos.arn
        Condition = {
          StringEquals = { "kms:ViaService" = "s3.${local.region}.${local.dns_suffix}" }
          StringLike   = { "kms:EncryptionContext:aws:s3:arn" = [local.bucket_arn, "${local.bucket_arn}/*"] }
        }
      },
      {
        Sid      = "EncryptReplicas"
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:GenerateDataKey"]
        Resource = aws_kms_key.replica[0].arn
        Condition = {
          StringEquals = { "kms:ViaService" = "s3.${local.replica_region}.${local.dns_suffix}" }
          StringLike   = { "kms:EncryptionContext:aws:s3:arn" = [local.replica_bucket_arn, "${local.replica_bucket_arn}/*"] }
        }
      },
    ]
  })
}

resource "aws_s3_bucket_replication_configuration" "videos" {
  count = var.enable_replication ? 1 : 0

  bucket = aws_s3_bucket.videos.id
  role   = aws_iam_role.replication[0].arn

  rule {
    id       = local.replication_rule_id
    status   = "Enabled"
    priority = 1

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket        = aws_s3_bucket.replica[0].arn
      storage_class = var.replica_storage_class

      encryption_configuration {
        replica_kms_key_id = aws_kms_key.replica[0].arn
      }

      # Publishes ReplicationLatency / OperationsPendingReplication (monitoring alarm).
      metrics {
        status = "Enabled"
        event_threshold {
          minutes = 15
        }
      }

      dynamic "replication_time" {
        for_each = var.enable_replication_time_control ? [1] : []
        content {
          status = "Enabled"
          time {
            minutes = 15
          }
        }
      }
    }
  }

  depends_on = [
    aws_s3_bucket_versioning.videos,
    aws_s3_bucket_versioning.replica,
    aws_iam_role_policy.replication,
  ]
}
