variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod). Bucket names append the account id to stay globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "sources_prefix" {
  description = "Key prefix of the original uploads (written by browsers through presigned multipart uploads, read by the transcoding worker)."
  type        = string
  default     = "sources/"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]*/$", var.sources_prefix))
    error_message = "sources_prefix must be lowercase letters, digits or hyphens and end with a slash (e.g. \"sources/\")."
  }
}

variable "media_prefix" {
  description = "Key prefix of the HLS renditions, playlists and thumbnails; the only prefix CloudFront may read."
  type        = string
  default     = "media/"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]*/$", var.media_prefix))
    error_message = "media_prefix must be lowercase letters, digits or hyphens and end with a slash (e.g. \"media/\")."
  }
}

variable "backups_prefix" {
  description = "Key prefix the database backup job writes its dumps to (write-only for that job)."
  type        = string
  default     = "backups/"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]*/$", var.backups_prefix))
    error_message = "backups_prefix must be lowercase letters, digits or hyphens and end with a slash (e.g. \"backups/\")."
  }
}

variable "cors_allowed_origins" {
  description = "Browser origins allowed to PUT upload parts straight to the bucket with presigned URLs (the frontend). Empty: no CORS configuration."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for origin in var.cors_allowed_origins : can(regex("^(https://[a-z0-9.-]+(:[0-9]+)?|http://localhost(:[0-9]+)?)$", origin))])
    error_message = "Each CORS origin must be https://<host>[:port] (http:// is only accepted for localhost), without a path or trailing slash."
  }
}

variable "abort_incomplete_multipart_upload_days" {
  description = "Days after which unfinished multipart uploads are aborted and their parts deleted."
  type        = number
  default     = 7

  validation {
    condition     = var.abort_incomplete_multipart_upload_days >= 1 && var.abort_incomplete_multipart_upload_days <= 30
    error_message = "abort_incomplete_multipart_upload_days must be between 1 and 30."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days a replaced or deleted object version is kept before it expires (the undo window on top of AWS Backup)."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1 && var.noncurrent_version_expiration_days <= 3650
    error_message = "noncurrent_version_expiration_days must be between 1 and 3650."
  }
}

variable "media_ia_transition_days" {
  description = "Age in days after which renditions under media_prefix move to STANDARD_IA (S3 requires at least 30 days; objects under 128 KiB never transition)."
  type        = number
  default     = 90

  validation {
    condition     = var.media_ia_transition_days >= 30 && var.media_ia_transition_days <= 3650
    error_message = "media_ia_transition_days must be between 30 (the STANDARD_IA minimum) and 3650."
  }
}

variable "enable_replication" {
  description = "Replicate every object version to a bucket in the second region (the aws.replica provider)."
  type        = bool
  default     = true
}

variable "replica_storage_class" {
  description = "Storage class of the replicated objects."
  type        = string
  default     = "STANDARD_IA"

  validation {
    condition     = contains(["STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR"], var.replica_storage_class)
    error_message = "replica_storage_class must be STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING or GLACIER_IR."
  }
}

variable "enable_replication_time_control" {
  description = "Turn on S3 Replication Time Control (15-minute SLA, extra per-GB charge). Replication metrics are always on so the ReplicationLatency alarm works."
  type        = bool
  default     = false
}

variable "cloudfront_distribution_arns" {
  description = "ARNs of the CloudFront distributions whose Origin Access Control may read media_prefix (bucket policy and KMS key policy, aws:SourceArn condition). Passing the ARN in, instead of creating the policy in the CDN module, keeps all bucket policy statements in one resource without a dependency cycle."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.cloudfront_distribution_arns : can(regex("^arn:aws[a-z-]*:cloudfront::[0-9]{12}:distribution/[A-Z0-9]+$", arn))])
    error_message = "cloudfront_distribution_arns must contain CloudFront distribution ARNs (arn:aws:cloudfront::<account>:distribution/<ID>)."
  }
}

variable "force_destroy" {
  description = "Allow Terraform to delete the buckets while they still hold objects. Keep false outside throw-away environments."
  type        = bool
  default     = false
}

variable "kms_deletion_window_days" {
  description = "Waiting period before a KMS key of this module is deleted after it leaves the configuration (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}
