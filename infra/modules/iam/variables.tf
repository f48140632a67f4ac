variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "cluster_name" {
  description = "Name of the EKS cluster the Pod Identity associations belong to. Pass the cluster module output so the associations wait for the cluster."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must start with a letter and contain at most 100 letters, digits, hyphens or underscores."
  }
}

variable "service_accounts" {
  description = "Kubernetes namespace and service account of each workload that gets an IAM role through EKS Pod Identity. Keys are fixed: api, worker, backup, flux_image_automation."
  type = map(object({
    namespace       = string
    service_account = string
  }))
  default = {
    api                   = { namespace = "streamingapp", service_account = "api" }
    worker                = { namespace = "streamingapp", service_account = "worker" }
    backup                = { namespace = "streamingapp", service_account = "backup" }
    flux_image_automation = { namespace = "flux-system", service_account = "image-reflector-controller" }
  }

  validation {
    condition     = toset(keys(var.service_accounts)) == toset(["api", "worker", "backup", "flux_image_automation"])
    error_message = "service_accounts must have exactly the keys api, worker, backup and flux_image_automation."
  }

  validation {
    condition     = alltrue([for sa in values(var.service_accounts) : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", sa.namespace)) && can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", sa.service_account))])
    error_message = "namespace and service_account must be valid Kubernetes names (lowercase RFC 1123)."
  }
}

variable "video_bucket_arn" {
  description = "ARN of the video bucket (storage module output)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.video_bucket_arn))
    error_message = "video_bucket_arn must be an S3 bucket ARN."
  }
}

variable "video_kms_key_arn" {
  description = "ARN of the KMS key of the video bucket (storage module output)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.video_kms_key_arn))
    error_message = "video_kms_key_arn must be a KMS key ARN."
  }
}

variable "bucket_prefixes" {
  description = "Key prefixes of the video bucket (storage module output `prefixes`): sources, media, backups."
  type = object({
    sources = string
    media   = string
    backups = string
  })
  default = {
    sources = "sources/"
    media   = "media/"
    backups = "backups/"
  }

  validation {
    condition     = alltrue([for prefix in values(var.bucket_prefixes) : can(regex("^[a-z0-9][a-z0-9-]*/$", prefix))])
    error_message = "Each bucket prefix must be lowercase letters, digits or hyphens ending with a slash."
  }
}

variable "secrets" {
  description = "Secrets Manager secrets the workloads read (onprem-link module outputs) and the KMS key encrypting them."
  type = object({
    mongodb_connection_string_arn = string
    cloudfront_signing_key_arn    = string
    kms_key_arn                   = string
  })

  validation {
    condition = (
      can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.secrets.mongodb_connection_string_arn)) &&
      can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.secrets.cloudfront_signing_key_arn)) &&
      can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.secrets.kms_key_arn))
    )
    error_message = "secrets must hold two Secrets Manager secret ARNs and a KMS key ARN."
  }
}

variable "ecr_repository_arns" {
  description = "ARNs of the ECR repositories Flux image automation scans for new tags (registry module output)."
  type        = list(string)

  validation {
    condition     = length(var.ecr_repository_arns) > 0 && alltrue([for arn in var.ecr_repository_arns : can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$", arn))])
    error_message = "ecr_repository_arns must contain at least one ECR repository ARN."
  }
}

variable "create_pod_identity_associations" {
  description = "Create the EKS Pod Identity associations binding each role to its service account. Off only where the API is not available (the offline moto test)."
  type        = bool
  default     = true
}
