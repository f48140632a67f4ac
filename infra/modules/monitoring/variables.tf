variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "alarm_email" {
  description = "E-mail address subscribed to the alarm topics (the recipient must confirm the subscription). Null: no subscription."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_email == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be an e-mail address or null."
  }
}

variable "alarm_period_seconds" {
  description = "Period of the alarm metrics, in seconds."
  type        = number
  default     = 300

  validation {
    condition     = contains([60, 300, 900, 3600], var.alarm_period_seconds)
    error_message = "alarm_period_seconds must be 60, 300, 900 or 3600."
  }
}

variable "cloudfront_distribution_id" {
  description = "ID of the CloudFront distribution watched by the 5xx error rate alarm."
  type        = string

  validation {
    condition     = can(regex("^[A-Z0-9]+$", var.cloudfront_distribution_id))
    error_message = "cloudfront_distribution_id must be a CloudFront distribution ID (upper-case letters and digits)."
  }
}

variable "cloudfront_5xx_error_rate_threshold" {
  description = "Alarm when the percentage of viewer requests answered with a 5xx status is above this value."
  type        = number
  default     = 5

  validation {
    condition     = var.cloudfront_5xx_error_rate_threshold > 0 && var.cloudfront_5xx_error_rate_threshold <= 100
    error_message = "cloudfront_5xx_error_rate_threshold must be a percentage above 0 and at most 100."
  }
}

variable "web_acl_name" {
  description = "Name of the CLOUDFRONT-scoped web ACL (waf module output), the WebACL dimension of the AWS/WAFV2 metrics."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,128}$", var.web_acl_name))
    error_message = "web_acl_name must be a WAFv2 web ACL name."
  }
}

variable "waf_blocked_requests_threshold" {
  description = "Alarm when the web ACL blocks more requests than this within one period (an attack or a rule blocking real viewers)."
  type        = number
  default     = 1000

  validation {
    condition     = var.waf_blocked_requests_threshold >= 1
    error_message = "waf_blocked_requests_threshold must be at least 1."
  }
}

variable "replication" {
  description = "Replication rule watched by the ReplicationLatency alarm (storage module outputs), or null when replication is off. Replication metrics must be enabled on the rule."
  type = object({
    source_bucket      = string
    destination_bucket = string
    rule_id            = string
  })
  default = null

  validation {
    condition = var.replication == null || alltrue([
      can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.replication.source_bucket)),
      can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.replication.destination_bucket)),
      length(var.replication.rule_id) > 0,
    ])
    error_message = "replication needs two bucket names and the replication rule ID."
  }
}

variable "replication_latency_threshold_seconds" {
  description = "Alarm when the maximum replication latency exceeds this many seconds."
  type        = number
  default     = 900

  validation {
    condition     = var.replication_latency_threshold_seconds >= 60
    error_message = "replication_latency_threshold_seconds must be at least 60."
  }
}

variable "node_groups" {
  description = "Node groups by name with their Auto Scaling group and size bounds. Alarms fire when in-service instances stay below min_size, or stay at max_size (the cluster autoscaler can no longer add capacity). Needs ASG group metrics (the cluster module enables them)."
  type = map(object({
    autoscaling_group_name = string
    min_size               = number
    max_size               = number
  }))
  default = {}

  validation {
    condition     = alltrue([for ng in values(var.node_groups) : ng.min_size >= 0 && ng.max_size >= 1 && ng.min_size <= ng.max_size])
    error_message = "Each node group needs 0 <= min_size <= max_size and max_size >= 1."
  }
}

variable "vpn" {
  description = "Site-to-Site VPN connection whose tunnels are watched (onprem-link module output), or null without VPN."
  type = object({
    connection_id = string
  })
  default = null

  validation {
    condition     = var.vpn == null || can(regex("^vpn-[0-9a-f]+$", var.vpn.connection_id))
    error_message = "vpn.connection_id must be a VPN connection ID (vpn-...)."
  }
}

variable "kms_deletion_window_days" {
  description = "Waiting period before a topic KMS key is deleted after it leaves the configuration (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}
