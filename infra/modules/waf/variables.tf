variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "rate_limit" {
  description = "Requests per source IP allowed within rate_limit_window_seconds before the IP is blocked. An HLS viewer fetches a segment every 2-6 s plus playlists, so keep generous headroom for viewers behind shared NAT."
  type        = number
  default     = 3000

  validation {
    condition     = var.rate_limit >= 100 && var.rate_limit <= 2000000000 && floor(var.rate_limit) == var.rate_limit
    error_message = "rate_limit must be a whole number between 100 and 2000000000."
  }
}

variable "rate_limit_window_seconds" {
  description = "Evaluation window of the rate-based rule, in seconds."
  type        = number
  default     = 300

  validation {
    condition     = contains([60, 120, 300, 600], var.rate_limit_window_seconds)
    error_message = "rate_limit_window_seconds must be 60, 120, 300 or 600."
  }
}

variable "managed_rule_groups" {
  description = "AWS managed rule groups (vendor AWS) by name, with their priority and whether they only count instead of block (to observe a group before enforcing it)."
  type = map(object({
    priority   = number
    count_only = optional(bool, false)
  }))
  default = {
    AWSManagedRulesAmazonIpReputationList = { priority = 10 }
    AWSManagedRulesCommonRuleSet          = { priority = 20 }
    AWSManagedRulesKnownBadInputsRuleSet  = { priority = 30 }
  }

  validation {
    condition     = alltrue([for name, group in var.managed_rule_groups : can(regex("^AWSManagedRules[A-Za-z0-9]+$", name)) && group.priority > 1])
    error_message = "managed_rule_groups keys must be AWS managed rule group names (AWSManagedRules...) and priorities must be greater than 1 (priority 1 is the rate-based rule)."
  }

  validation {
    condition     = length(distinct([for group in values(var.managed_rule_groups) : group.priority])) == length(var.managed_rule_groups)
    error_message = "managed_rule_groups priorities must be unique."
  }
}

variable "enable_shield_advanced" {
  description = "Protect shield_protected_resource_arn with AWS Shield Advanced. Requires an active Shield Advanced subscription (USD 3,000/month, 1-year commitment). Shield Standard is automatic and free."
  type        = bool
  default     = false
}

variable "shield_protected_resource_arn" {
  description = "ARN of the resource to protect with Shield Advanced (the CloudFront distribution). Required when enable_shield_advanced is true."
  type        = string
  default     = null

  validation {
    condition     = !var.enable_shield_advanced || var.shield_protected_resource_arn != null
    error_message = "shield_protected_resource_arn is required when enable_shield_advanced is true."
  }
}
