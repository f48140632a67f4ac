variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "resource_arns" {
  description = "ARNs of the resources to back up, keyed by a short stable name (here the video bucket; S3 backups need versioning on the bucket)."
  type        = map(string)

  validation {
    condition     = length(var.resource_arns) > 0 && alltrue([for arn in values(var.resource_arns) : can(regex("^arn:aws[a-z-]*:[a-z0-9-]+:", arn))])
    error_message = "resource_arns must hold at least one ARN."
  }
}

variable "daily_schedule" {
  description = "CloudWatch Events cron expression (UTC) of the daily backup."
  type        = string
  default     = "cron(0 3 * * ? *)"

  validation {
    condition     = can(regex("^cron\\(.+\\)$", var.daily_schedule))
    error_message = "daily_schedule must be a cron(...) expression."
  }
}

variable "weekly_schedule" {
  description = "CloudWatch Events cron expression (UTC) of the weekly backup."
  type        = string
  default     = "cron(0 4 ? * SUN *)"

  validation {
    condition     = can(regex("^cron\\(.+\\)$", var.weekly_schedule))
    error_message = "weekly_schedule must be a cron(...) expression."
  }
}

variable "daily_retention_days" {
  description = "Days a daily recovery point is kept."
  type        = number
  default     = 14

  validation {
    condition     = var.daily_retention_days >= 1 && var.daily_retention_days <= 365 && floor(var.daily_retention_days) == var.daily_retention_days
    error_message = "daily_retention_days must be a whole number between 1 and 365."
  }
}

variable "weekly_retention_days" {
  description = "Days a weekly recovery point is kept; must be at least the daily retention (otherwise the weekly rule adds nothing)."
  type        = number
  default     = 90

  validation {
    condition     = var.weekly_retention_days >= 7 && var.weekly_retention_days <= 3650 && floor(var.weekly_retention_days) == var.weekly_retention_days
    error_message = "weekly_retention_days must be a whole number between 7 and 3650."
  }

  validation {
    condition     = var.weekly_retention_days >= var.daily_retention_days
    error_message = "weekly_retention_days must be greater than or equal to daily_retention_days."
  }
}

variable "start_window_minutes" {
  description = "Minutes after the scheduled time within which a backup job must start."
  type        = number
  default     = 60

  validation {
    condition     = var.start_window_minutes >= 60 && var.start_window_minutes <= 720
    error_message = "start_window_minutes must be between 60 and 720."
  }
}

variable "completion_window_minutes" {
  description = "Minutes after the start within which a backup job must finish."
  type        = number
  default     = 1440

  validation {
    condition     = var.completion_window_minutes >= 120 && var.completion_window_minutes <= 10080
    error_message = "completion_window_minutes must be between 120 and 10080."
  }
}

variable "create_selection" {
  description = "Create the backup selection that assigns resource_arns to the plan. Off only where the API is not available (the offline moto test)."
  type        = bool
  default     = true
}

variable "force_destroy_vault" {
  description = "Allow Terraform to delete the vault while it still holds recovery points. Keep false outside throw-away environments."
  type        = bool
  default     = false
}

variable "kms_deletion_window_days" {
  description = "Waiting period before the vault KMS key is deleted after it leaves the configuration (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}
