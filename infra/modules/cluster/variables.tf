variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "cluster_name" {
  description = "Name of the EKS cluster (also used by the network module's subnet tags, so it is decided by the caller)."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must start with a letter and contain at most 100 letters, digits, hyphens or underscores."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the node groups."
  type        = string
  default     = "1.32"

  validation {
    condition     = can(regex("^1\\.(2[89]|3[0-9])$", var.kubernetes_version))
    error_message = "kubernetes_version must be a minor version such as 1.32 (1.28 or later)."
  }
}

variable "support_type" {
  description = "EKS version support policy: STANDARD (cluster is upgraded when standard support ends) or EXTENDED (six times the control-plane price during extended support)."
  type        = string
  default     = "STANDARD"

  validation {
    condition     = contains(["STANDARD", "EXTENDED"], var.support_type)
    error_message = "support_type must be STANDARD or EXTENDED."
  }
}

variable "subnet_ids" {
  description = "Private subnet IDs (at least two availability zones) for the control-plane ENIs and the nodes."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]+$", id))])
    error_message = "subnet_ids must contain at least two subnet IDs (subnet-...) in different availability zones."
  }
}

variable "endpoint_private_access" {
  description = "Expose the Kubernetes API inside the VPC (nodes and in-VPC tooling use it)."
  type        = bool
  default     = true
}

variable "endpoint_public_access" {
  description = "Expose the Kubernetes API on the internet, restricted to public_access_cidrs."
  type        = bool
  default     = false

  validation {
    condition     = var.endpoint_public_access || var.endpoint_private_access
    error_message = "At least one of endpoint_private_access and endpoint_public_access must be true."
  }
}

variable "public_access_cidrs" {
  description = "IPv4 CIDRs allowed to reach the public API endpoint (operator and CI egress addresses). Required when endpoint_public_access is true; 0.0.0.0/0 is refused."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.public_access_cidrs : can(cidrhost(cidr, 0)) && can(regex("^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+$", cidr)) && cidr != "0.0.0.0/0"])
    error_message = "public_access_cidrs must contain valid IPv4 CIDRs other than 0.0.0.0/0."
  }

  validation {
    condition     = !var.endpoint_public_access || length(var.public_access_cidrs) > 0
    error_message = "public_access_cidrs must not be empty when endpoint_public_access is true."
  }
}

variable "enabled_log_types" {
  description = "Control-plane log types sent to CloudWatch Logs."
  type        = list(string)
  default     = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  validation {
    condition     = alltrue([for type in var.enabled_log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], type)])
    error_message = "enabled_log_types may only contain api, audit, authenticator, controllerManager and scheduler."
  }
}

variable "log_retention_days" {
  description = "Retention of the control-plane log group, in days (one of the values CloudWatch accepts)."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts."
  }
}

variable "node_role_arn" {
  description = "ARN of the IAM role of the worker nodes (iam module output)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.node_role_arn))
    error_message = "node_role_arn must be an IAM role ARN."
  }
}

variable "node_groups" {
  description = "Managed node groups by name. Each becomes an Auto Scaling group scaled by the cluster autoscaler between min_size and max_size; desired_size is only the initial size (later changes by the autoscaler are ignored)."
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

  validation {
    condition     = length(var.node_groups) > 0
    error_message = "At least one node group is required."
  }

  validation {
    condition     = alltrue([for ng in values(var.node_groups) : ng.min_size >= 0 && ng.max_size >= 1 && ng.min_size <= ng.desired_size && ng.desired_size <= ng.max_size])
    error_message = "Each node group needs 0 <= min_size <= desired_size <= max_size and max_size >= 1."
  }

  validation {
    condition     = alltrue([for ng in values(var.node_groups) : contains(["ON_DEMAND", "SPOT"], ng.capacity_type) && length(ng.instance_types) > 0])
    error_message = "capacity_type must be ON_DEMAND or SPOT and instance_types must not be empty."
  }

  validation {
    condition     = alltrue([for ng in values(var.node_groups) : ng.disk_size_gib >= 20 && ng.disk_size_gib <= 1000])
    error_message = "disk_size_gib must be between 20 and 1000."
  }

  validation {
    condition     = alltrue([for name in keys(var.node_groups) : can(regex("^[a-z][a-z0-9-]{0,37}$", name))])
    error_message = "Node group names must be lowercase letters, digits and hyphens, at most 38 characters, starting with a letter."
  }
}

variable "metadata_hop_limit" {
  description = "IMDSv2 PUT response hop limit of the nodes. 1 (default) keeps pods in their own network namespace away from the node role credentials; workloads get AWS access through EKS Pod Identity. 2 only if a pod-network workload needs IMDS."
  type        = number
  default     = 1

  validation {
    condition     = contains([1, 2], var.metadata_hop_limit)
    error_message = "metadata_hop_limit must be 1 or 2."
  }
}

variable "ebs_kms_key_arn" {
  description = "KMS key for the node root volumes. Null uses the account's aws/ebs key; a customer managed key must allow the AWSServiceRoleForAutoScaling service-linked role to use it."
  type        = string
  default     = null

  validation {
    condition     = var.ebs_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.ebs_kms_key_arn))
    error_message = "ebs_kms_key_arn must be a KMS key ARN or null."
  }
}

variable "cluster_admin_principal_arns" {
  description = "IAM role or user ARNs given cluster-admin through EKS access entries (authentication mode API; no aws-auth ConfigMap)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.cluster_admin_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/.+$", arn))])
    error_message = "cluster_admin_principal_arns must contain IAM role or user ARNs."
  }
}

variable "addons" {
  description = "EKS managed add-ons by name. version null takes the default version for the cluster's Kubernetes version; before_compute add-ons are installed before the node groups (the CNI must exist for nodes to become Ready)."
  type = map(object({
    version        = optional(string)
    before_compute = optional(bool, false)
  }))
  default = {
    vpc-cni                = { before_compute = true }
    kube-proxy             = { before_compute = true }
    eks-pod-identity-agent = { before_compute = true }
    coredns                = {}
  }

  validation {
    condition     = alltrue([for name in ["vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"] : contains(keys(var.addons), name)])
    error_message = "addons must include vpc-cni, coredns, kube-proxy and eks-pod-identity-agent (the cluster is created without self-managed add-ons, and workloads rely on Pod Identity)."
  }
}

variable "enable_addons" {
  description = "Install the EKS add-ons. Off only where the API is not available (the offline moto test)."
  type        = bool
  default     = true
}

variable "manage_asg" {
  description = "Manage the node groups' underlying Auto Scaling groups: cluster-autoscaler discovery tags and group metrics collection (GroupInServiceInstances for the capacity alarms; EKS does not enable it and has no API for it, so it runs `aws autoscaling enable-metrics-collection` and needs the AWS CLI where Terraform runs). Off only where no real Auto Scaling group exists (the offline moto test)."
  type        = bool
  default     = true
}

variable "kms_deletion_window_days" {
  description = "Waiting period before the cluster KMS key is deleted after it leaves the configuration (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}
