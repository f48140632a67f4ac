variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC. Private subnets are /3 slices (pods take VPC addresses with the VPC CNI), public subnets /8 slices taken from the top of the range."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && can(regex("^\\d+\\.\\d+\\.\\d+\\.\\d+/(1[6-9]|20)$", var.vpc_cidr))
    error_message = "vpc_cidr must be a valid IPv4 CIDR with a prefix length between /16 and /20."
  }
}

variable "az_count" {
  description = "Number of availability zones to spread subnets over (at least two for EKS and for NAT redundancy)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3 && floor(var.az_count) == var.az_count
    error_message = "az_count must be 2 or 3."
  }
}

variable "nat_gateway_mode" {
  description = "\"single\": one NAT gateway shared by all private subnets (cheaper, one AZ is a single point of failure for egress). \"one_per_az\": one NAT gateway per AZ (production)."
  type        = string
  default     = "single"

  validation {
    condition     = contains(["single", "one_per_az"], var.nat_gateway_mode)
    error_message = "nat_gateway_mode must be \"single\" or \"one_per_az\"."
  }
}

variable "cluster_name" {
  description = "Name of the EKS cluster that uses these subnets; written into the kubernetes.io/cluster/<name> subnet tag so load balancer controllers discover them."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must start with a letter and contain at most 100 letters, digits, hyphens or underscores."
  }
}

variable "flow_log_traffic_type" {
  description = "Which traffic the VPC flow log records: ALL, ACCEPT or REJECT."
  type        = string
  default     = "ALL"

  validation {
    condition     = contains(["ALL", "ACCEPT", "REJECT"], var.flow_log_traffic_type)
    error_message = "flow_log_traffic_type must be ALL, ACCEPT or REJECT."
  }
}

variable "flow_log_aggregation_interval" {
  description = "Maximum aggregation interval of flow log records, in seconds (60 or 600)."
  type        = number
  default     = 600

  validation {
    condition     = contains([60, 600], var.flow_log_aggregation_interval)
    error_message = "flow_log_aggregation_interval must be 60 or 600."
  }
}

variable "flow_log_retention_days" {
  description = "Retention of the flow log group in CloudWatch Logs, in days (one of the values CloudWatch accepts)."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be one of the retention periods CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "kms_deletion_window_days" {
  description = "Waiting period before the flow log KMS key is deleted after it leaves the configuration (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}
