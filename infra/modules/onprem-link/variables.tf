variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod). Secrets are named <name_prefix>/<secret>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "enable_vpn" {
  description = "Create the Site-to-Site VPN to the operator's network (where the production MongoDB runs)."
  type        = bool
  default     = false
}

variable "vpc_id" {
  description = "ID of the VPC the virtual private gateway is attached to."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC; the on-premises CIDRs must not overlap it."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be a valid IPv4 CIDR."
  }
}

variable "private_route_table_ids" {
  description = "Private route tables (network module output, keyed by availability zone) that get routes to the on-premises CIDRs through the VPN gateway."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for id in values(var.private_route_table_ids) : can(regex("^rtb-[0-9a-f]+$", id))])
    error_message = "private_route_table_ids must map names (availability zones) to route table IDs (rtb-...)."
  }
}

variable "customer_gateway_ip" {
  description = "Public IPv4 address of the operator's VPN device (customer gateway). Required when enable_vpn is true."
  type        = string
  default     = null

  validation {
    condition = var.customer_gateway_ip == null || (
      can(regex("^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$", var.customer_gateway_ip)) &&
      !can(regex("^(10\\.|127\\.|0\\.|169\\.254\\.|192\\.168\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.|2(2[4-9]|[3-5][0-9])\\.)", var.customer_gateway_ip))
    )
    error_message = "customer_gateway_ip must be a public IPv4 address (dotted quad; not private, loopback, link-local, CGNAT or multicast)."
  }

  validation {
    condition     = !var.enable_vpn || var.customer_gateway_ip != null
    error_message = "customer_gateway_ip is required when enable_vpn is true."
  }
}

variable "customer_gateway_bgp_asn" {
  description = "BGP ASN of the customer gateway (also required by AWS with static routing; any private ASN works)."
  type        = number
  default     = 65000

  validation {
    condition     = var.customer_gateway_bgp_asn >= 1 && var.customer_gateway_bgp_asn <= 4294967294 && floor(var.customer_gateway_bgp_asn) == var.customer_gateway_bgp_asn
    error_message = "customer_gateway_bgp_asn must be a whole number between 1 and 4294967294."
  }
}

variable "amazon_side_asn" {
  description = "BGP ASN of the AWS side (virtual private gateway)."
  type        = number
  default     = 64512

  validation {
    condition     = (var.amazon_side_asn >= 64512 && var.amazon_side_asn <= 65534) || (var.amazon_side_asn >= 4200000000 && var.amazon_side_asn <= 4294967294)
    error_message = "amazon_side_asn must be a private ASN: 64512-65534 or 4200000000-4294967294."
  }
}

variable "onprem_cidrs" {
  description = "IPv4 CIDRs of the operator's network reachable through the VPN (static routes), e.g. the MongoDB host's subnet. Required when enable_vpn is true."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.onprem_cidrs : can(cidrhost(cidr, 0)) && can(regex("^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+$", cidr))])
    error_message = "onprem_cidrs must contain valid IPv4 CIDRs (e.g. 192.168.10.0/24)."
  }

  validation {
    condition     = !var.enable_vpn || length(var.onprem_cidrs) > 0
    error_message = "onprem_cidrs must not be empty when enable_vpn is true."
  }

  validation {
    # Two networks overlap when their addresses agree on the shorter of the two prefixes.
    condition = alltrue([
      for cidr in var.onprem_cidrs : !can(cidrhost(cidr, 0)) || (
        cidrhost("${split("/", cidr)[0]}/${min(tonumber(split("/", cidr)[1]), tonumber(split("/", var.vpc_cidr)[1]))}", 0) !=
        cidrhost("${split("/", var.vpc_cidr)[0]}/${min(tonumber(split("/", cidr)[1]), tonumber(split("/", var.vpc_cidr)[1]))}", 0)
      )
    ])
    error_message = "onprem_cidrs must not overlap the VPC CIDR."
  }
}

variable "secrets" {
  description = "Secrets Manager secrets created empty (no value in Terraform, its state or tfvars); the operator puts the values with the AWS CLI. Keyed by secret name suffix, value is the description."
  type        = map(string)
  default = {
    "mongodb-connection-string" = "MongoDB connection string of the production database on the operator's machine (reached through the VPN)."
    "cloudfront-signing-key"    = "JSON {\"keyPairId\": \"<CloudFront public key ID>\", \"privateKeyPem\": \"-----BEGIN PRIVATE KEY-----...\"} used by the Api to sign playback URLs."
  }

  validation {
    condition     = alltrue([for name in keys(var.secrets) : can(regex("^[a-z0-9][a-z0-9-]{0,62}$", name))]) && contains(keys(var.secrets), "mongodb-connection-string") && contains(keys(var.secrets), "cloudfront-signing-key")
    error_message = "Secret names must be lowercase letters, digits and hyphens, and must include mongodb-connection-string and cloudfront-signing-key."
  }
}

variable "secret_recovery_window_days" {
  description = "Days a deleted secret can still be restored (0 deletes immediately; only for throw-away environments)."
  type        = number
  default     = 30

  validation {
    condition     = var.secret_recovery_window_days == 0 || (var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30)
    error_message = "secret_recovery_window_days must be 0 or between 7 and 30."
  }
}

variable "kms_deletion_window_days" {
  description = "Waiting period before the secrets KMS key is deleted after it leaves the configuration (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}
