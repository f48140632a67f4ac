variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod). Repositories are named <name_prefix>/<service>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "repositories" {
  description = "Services that get an ECR repository."
  type        = set(string)
  default     = ["auth", "api", "frontend"]

  validation {
    condition     = length(var.repositories) > 0 && alltrue([for name in var.repositories : can(regex("^[a-z0-9]+([._-][a-z0-9]+)*$", name))])
    error_message = "repositories must be non-empty lowercase names (letters, digits, '.', '_' or '-')."
  }
}

variable "keep_tagged_images" {
  description = "Number of most recent tagged images kept per repository; older tagged images expire."
  type        = number
  default     = 30

  validation {
    condition     = var.keep_tagged_images >= 1 && var.keep_tagged_images <= 1000 && floor(var.keep_tagged_images) == var.keep_tagged_images
    error_message = "keep_tagged_images must be a whole number between 1 and 1000."
  }
}

variable "untagged_expiry_days" {
  description = "Days after which untagged images (leftover layers of failed pushes, multi-arch children) expire."
  type        = number
  default     = 7

  validation {
    condition     = var.untagged_expiry_days >= 1 && var.untagged_expiry_days <= 365 && floor(var.untagged_expiry_days) == var.untagged_expiry_days
    error_message = "untagged_expiry_days must be a whole number between 1 and 365."
  }
}

variable "force_delete" {
  description = "Allow Terraform to delete repositories that still contain images."
  type        = bool
  default     = false
}

variable "kms_deletion_window_days" {
  description = "Waiting period before the registry KMS key is deleted after it leaves the configuration (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}
