variable "name_prefix" {
  description = "Prefix for every resource name, usually \"<project>-<environment>\" (e.g. streamingapp-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 4-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "origin_bucket_regional_domain_name" {
  description = "Regional domain name of the video bucket (storage module output)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]+\\.s3\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$", var.origin_bucket_regional_domain_name))
    error_message = "origin_bucket_regional_domain_name must be a regional S3 domain name (<bucket>.s3.<region>.amazonaws.com)."
  }
}

variable "origin_path" {
  description = "Bucket prefix CloudFront serves, without trailing slash: viewers request /<video>/..., CloudFront fetches <origin_path>/<video>/... Must match the prefix the bucket policy lets CloudFront read."
  type        = string
  default     = "/media"

  validation {
    condition     = can(regex("^(/[a-z0-9-]+)+$", var.origin_path))
    error_message = "origin_path must start with a slash, contain lowercase letters, digits, hyphens and slashes, and not end with a slash (e.g. \"/media\")."
  }
}

variable "aliases" {
  description = "Custom domain names (CNAMEs) of the distribution. Requires acm_certificate_arn."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for alias in var.aliases : can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", alias))])
    error_message = "Each alias must be a lowercase fully qualified domain name."
  }

  validation {
    condition     = length(var.aliases) == 0 || var.acm_certificate_arn != null
    error_message = "Custom aliases need an ACM certificate (acm_certificate_arn)."
  }
}

variable "acm_certificate_arn" {
  description = "ARN of an ACM certificate in us-east-1 covering the aliases. Null: the *.cloudfront.net default certificate, for which CloudFront always applies the TLSv1 security policy whatever minimum_protocol_version says."
  type        = string
  default     = null

  validation {
    condition     = var.acm_certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$", var.acm_certificate_arn))
    error_message = "acm_certificate_arn must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)."
  }

  validation {
    condition     = var.acm_certificate_arn != null || !var.require_custom_certificate
    error_message = "This environment requires a custom certificate: the default *.cloudfront.net certificate cannot enforce TLS 1.2 (CloudFront pins its security policy to TLSv1). Set acm_certificate_arn and aliases."
  }
}

variable "require_custom_certificate" {
  description = "Refuse to plan without acm_certificate_arn. True (the default) guarantees the TLS 1.2 minimum; only development may set false and accept the default certificate's TLSv1 policy."
  type        = bool
  default     = true
}

variable "minimum_protocol_version" {
  description = "Minimum TLS security policy for viewers when a custom certificate is used."
  type        = string
  default     = "TLSv1.2_2021"

  validation {
    condition     = contains(["TLSv1.2_2019", "TLSv1.2_2021"], var.minimum_protocol_version)
    error_message = "minimum_protocol_version must be a TLS 1.2 security policy: TLSv1.2_2021 (recommended) or TLSv1.2_2019."
  }
}

variable "viewer_protocol_policy" {
  description = "Viewer protocol policy of every cache behavior: https-only (plain HTTP is refused) or redirect-to-https."
  type        = string
  default     = "https-only"

  validation {
    condition     = contains(["https-only", "redirect-to-https"], var.viewer_protocol_policy)
    error_message = "viewer_protocol_policy must be https-only or redirect-to-https; allow-all is never acceptable."
  }
}

variable "price_class" {
  description = "CloudFront price class (edge locations used)."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "public_keys" {
  description = "PEM-encoded RSA public keys allowed to sign URLs, keyed by a stable key name (e.g. \"2025-01\"). One key normally, two while rotating. The matching private key never goes through Terraform."
  type        = map(string)

  validation {
    condition     = length(var.public_keys) >= 1 && length(var.public_keys) <= 2
    error_message = "public_keys must hold one key, or two during a rotation (see docs/infrastructure.md). Generate a key pair with openssl and add the public key."
  }

  validation {
    condition     = alltrue([for name, pem in var.public_keys : can(regex("^[A-Za-z0-9_-]{1,64}$", name)) && startswith(trimspace(pem), "-----BEGIN PUBLIC KEY-----") && endswith(trimspace(pem), "-----END PUBLIC KEY-----")])
    error_message = "Each public key name must be 1-64 letters, digits, hyphens or underscores, and each value a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)."
  }
}

variable "geo_restriction_type" {
  description = "Distribution-wide country restriction: none, whitelist (only the listed countries) or blacklist (all but the listed countries). Per-video restrictions are enforced by the Api before it signs a URL."
  type        = string
  default     = "none"

  validation {
    condition     = contains(["none", "whitelist", "blacklist"], var.geo_restriction_type)
    error_message = "geo_restriction_type must be none, whitelist or blacklist."
  }
}

variable "geo_restriction_locations" {
  description = "ISO 3166-1 alpha-2 country codes (upper case) for the whitelist or blacklist. Must be empty when geo_restriction_type is none."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for code in var.geo_restriction_locations : can(regex("^[A-Z]{2}$", code))])
    error_message = "geo_restriction_locations must contain ISO 3166-1 alpha-2 codes in upper case (e.g. FR, DE)."
  }

  validation {
    condition     = (var.geo_restriction_type == "none") == (length(var.geo_restriction_locations) == 0)
    error_message = "geo_restriction_locations must be empty when geo_restriction_type is none, and non-empty for whitelist or blacklist."
  }

  validation {
    condition     = length(distinct(var.geo_restriction_locations)) == length(var.geo_restriction_locations)
    error_message = "geo_restriction_locations must not contain duplicates."
  }
}

variable "frontend_origins" {
  description = "Origins of the frontend allowed to fetch playlists and segments with XHR/fetch (hls.js), returned in Access-Control-Allow-Origin. Empty: no CORS headers."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for origin in var.frontend_origins : can(regex("^(https://[a-z0-9.-]+(:[0-9]+)?|http://localhost(:[0-9]+)?)$", origin))])
    error_message = "Each frontend origin must be https://<host>[:port] (http:// is only accepted for localhost), without a path or trailing slash."
  }
}

variable "hsts_max_age_seconds" {
  description = "max-age of the Strict-Transport-Security header (at least one year)."
  type        = number
  default     = 63072000

  validation {
    condition     = var.hsts_max_age_seconds >= 31536000
    error_message = "hsts_max_age_seconds must be at least 31536000 (one year)."
  }
}

variable "segment_ttl_seconds" {
  description = "Default and maximum edge TTL of media segments, init segments and thumbnails (immutable once written)."
  type        = number
  default     = 31536000

  validation {
    condition     = var.segment_ttl_seconds >= 3600 && var.segment_ttl_seconds <= 31536000
    error_message = "segment_ttl_seconds must be between 3600 and 31536000."
  }
}

variable "playlist_ttl_seconds" {
  description = "Default and maximum edge TTL of .m3u8 playlists (short: they change when renditions are added or a video is withdrawn)."
  type        = number
  default     = 5

  validation {
    condition     = var.playlist_ttl_seconds >= 1 && var.playlist_ttl_seconds <= 300
    error_message = "playlist_ttl_seconds must be between 1 and 300."
  }
}

variable "web_acl_arn" {
  description = "ARN of the WAFv2 web ACL (scope CLOUDFRONT, us-east-1) to associate, or null."
  type        = string
  default     = null

  validation {
    condition     = var.web_acl_arn == null || can(regex("^arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global/webacl/.+$", var.web_acl_arn))
    error_message = "web_acl_arn must be the ARN of a CLOUDFRONT-scoped WAFv2 web ACL (arn:aws:wafv2:us-east-1:<account>:global/webacl/...)."
  }
}

variable "create_edge_policies" {
  description = "Create the HLS cache policies and the security-headers response headers policy. False falls back to the AWS managed CachingOptimized and CORS-with-preflight-and-SecurityHeaders policies; only for the offline moto test, which cannot create policies."
  type        = bool
  default     = true
}

variable "enable_logging" {
  description = "Write CloudFront standard access logs to a dedicated log bucket."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "Days CloudFront access logs are kept in the log bucket."
  type        = number
  default     = 90

  validation {
    condition     = var.log_retention_days >= 1 && var.log_retention_days <= 3650
    error_message = "log_retention_days must be between 1 and 3650."
  }
}

variable "log_delivery_canonical_user_id" {
  description = "Canonical user ID of the awslogsdelivery account that writes CloudFront standard logs (AWS documented value for the aws partition)."
  type        = string
  default     = "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0"

  validation {
    condition     = can(regex("^[0-9a-f]{64}$", var.log_delivery_canonical_user_id))
    error_message = "log_delivery_canonical_user_id must be a 64-character hexadecimal canonical user ID."
  }
}

variable "force_destroy_logs" {
  description = "Allow Terraform to delete the log bucket while it still holds logs."
  type        = bool
  default     = false
}

variable "wait_for_deployment" {
  description = "Wait until the distribution is deployed to every edge location (several minutes) before finishing the apply."
  type        = bool
  default     = true
}
