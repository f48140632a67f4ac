# Every environment declares the same variables; the values live in
# terraform.tfvars. Module inputs are validated in the modules themselves.

variable "project" {
  description = "Project name, first part of every resource name and the Project tag."
  type        = string
  default     = "streamingapp"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,20}$", var.project))
    error_message = "project must be 3-21 lowercase letters and digits, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name: dev, staging or prod. Everything but dev must use a custom TLS certificate on CloudFront."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "aws_account_id" {
  description = "AWS account this environment lives in; the providers refuse to run against any other account. Null disables the check."
  type        = string
  default     = null

  validation {
    condition     = var.aws_account_id == null || can(regex("^[0-9]{12}$", var.aws_account_id))
    error_message = "aws_account_id must be a 12-digit account ID or null."
  }
}

variable "region" {
  description = "Primary AWS region (VPC, EKS, video bucket)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "replica_region" {
  description = "Second region holding the replica of the video bucket."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.replica_region))
    error_message = "replica_region must be an AWS region name such as eu-central-1."
  }

  validation {
    condition     = var.replica_region != var.region
    error_message = "replica_region must differ from region."
  }
}

variable "owner" {
  description = "Team or person responsible for the environment (Owner tag)."
  type        = string

  validation {
    condition     = length(var.owner) > 0 && length(var.owner) <= 128
    error_message = "owner must be 1-128 characters."
  }
}

variable "cost_center" {
  description = "Cost center the environment is billed to (CostCenter tag)."
  type        = string

  validation {
    condition     = length(var.cost_center) > 0 && length(var.cost_center) <= 128
    error_message = "cost_center must be 1-128 characters."
  }
}

# --- network ---------------------------------------------------------------

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC (/16 to /20); must not overlap the on-premises network."
  type        = string
}

variable "az_count" {
  description = "Number of availability zones (2 or 3)."
  type        = number
  default     = 2
}

variable "nat_gateway_mode" {
  description = "\"single\" NAT gateway or \"one_per_az\"."
  type        = string
  default     = "single"
}

variable "log_retention_days" {
  description = "Retention of the VPC flow logs and EKS control-plane logs, in days."
  type        = number
  default     = 30
}

# --- storage and backup ----------------------------------------------------

variable "frontend_origins" {
  description = "Origins of the Blazor frontend: CORS for direct multipart uploads to S3 and for hls.js requests to CloudFront."
  type        = list(string)
}

variable "noncurrent_version_expiration_days" {
  description = "Days replaced or deleted object versions are kept in the video bucket and its replica."
  type        = number
  default     = 30
}

variable "media_ia_transition_days" {
  description = "Age after which renditions move to STANDARD_IA."
  type        = number
  default     = 90
}

variable "enable_replication" {
  description = "Replicate the video bucket to replica_region."
  type        = bool
  default     = true
}

variable "backup_daily_retention_days" {
  description = "Retention of the daily AWS Backup recovery points."
  type        = number
  default     = 7
}

variable "backup_weekly_retention_days" {
  description = "Retention of the weekly AWS Backup recovery points."
  type        = number
  default     = 35
}

# --- CDN and WAF -----------------------------------------------------------

variable "cdn_aliases" {
  description = "Custom domain names of the CloudFront distribution (require acm_certificate_arn)."
  type        = list(string)
  default     = []
}

variable "acm_certificate_arn" {
  description = "ACM certificate in us-east-1 for cdn_aliases. Required outside dev: the default *.cloudfront.net certificate cannot enforce TLS 1.2."
  type        = string
  default     = null

  validation {
    condition     = var.environment == "dev" || var.acm_certificate_arn != null
    error_message = "staging and prod must set acm_certificate_arn (and cdn_aliases): the default *.cloudfront.net certificate pins viewers to the TLSv1 policy."
  }
}

variable "cloudfront_public_key_files" {
  description = "URL-signing public keys: key name => PEM file path relative to the environment directory (e.g. \"2025-06\" = \"cloudfront-public-keys/2025-06.pub.pem\"). One key, two while rotating."
  type        = map(string)
}

variable "cdn_price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_100"
}

variable "geo_restriction_type" {
  description = "Distribution-wide country restriction: none, whitelist or blacklist."
  type        = string
  default     = "none"
}

variable "geo_restriction_locations" {
  description = "ISO 3166-1 alpha-2 country codes for the geo restriction."
  type        = list(string)
  default     = []
}

variable "waf_rate_limit" {
  description = "Requests per IP per 5 minutes before the WAF blocks the IP."
  type        = number
  default     = 3000
}

variable "enable_shield_advanced" {
  description = "Protect the distribution with Shield Advanced (needs a subscription)."
  type        = bool
  default     = false
}

# --- cluster ---------------------------------------------------------------

variable "kubernetes_version" {
  description = "EKS Kubernetes minor version."
  type        = string
  default     = "1.32"
}

variable "endpoint_public_access" {
  description = "Expose the Kubernetes API publicly (restricted to public_access_cidrs)."
  type        = bool
  default     = false
}

variable "public_access_cidrs" {
  description = "CIDRs allowed to reach the public Kubernetes API endpoint."
  type        = list(string)
  default     = []
}

variable "cluster_admin_principal_arns" {
  description = "IAM roles or users with cluster-admin access entries."
  type        = list(string)
  default     = []
}

variable "node_groups" {
  description = "Managed node groups (see the cluster module)."
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    ami_type       = optional(string, "AL2023_x86_64_STANDARD")
    min_size       = number
    max_size       = number
    desired_size   = number
    disk_size_gib  = optional(number, 50)
    labels         = optional(map(string), {})
  }))
}

# --- registry --------------------------------------------------------------

variable "ecr_keep_tagged_images" {
  description = "Tagged images kept per ECR repository."
  type        = number
  default     = 30
}

variable "ecr_untagged_expiry_days" {
  description = "Days before untagged images expire."
  type        = number
  default     = 7
}

# --- monitoring ------------------------------------------------------------

variable "alarm_email" {
  description = "E-mail address receiving the alarms (null: none)."
  type        = string
  default     = null
}

# --- on-premises link ------------------------------------------------------

variable "enable_vpn" {
  description = "Create the Site-to-Site VPN to the operator's network (production MongoDB)."
  type        = bool
  default     = false
}

variable "customer_gateway_ip" {
  description = "Public IPv4 address of the operator's VPN device."
  type        = string
  default     = null
}

variable "onprem_cidrs" {
  description = "On-premises CIDRs reachable through the VPN (the MongoDB host's network)."
  type        = list(string)
  default     = []
}
