# Development: one AZ pair, single NAT gateway, default CloudFront certificate
# allowed, no VPN (developers run MongoDB through the AppHost).
environment = "dev"
# aws_account_id = "<12-digit account id>"   # recommended: providers refuse other accounts
region         = "eu-west-1"
replica_region = "eu-central-1"
owner          = "platform-team"
cost_center    = "streamingapp-dev"

vpc_cidr           = "10.20.0.0/16"
az_count           = 2
nat_gateway_mode   = "single"
log_retention_days = 14

frontend_origins                   = ["https://dev.streamingapp.example", "http://localhost:5173"]
noncurrent_version_expiration_days = 7
media_ia_transition_days           = 30
enable_replication                 = true
backup_daily_retention_days        = 7
backup_weekly_retention_days       = 14

# Generate the signing key pair first (docs/infrastructure.md, "Bootstrap"), then:
# cloudfront_public_key_files = { "2025-06" = "cloudfront-public-keys/2025-06.pub.pem" }
cloudfront_public_key_files = {}
cdn_aliases                 = []
acm_certificate_arn         = null
geo_restriction_type        = "none"
geo_restriction_locations   = []
waf_rate_limit              = 3000

kubernetes_version     = "1.32"
endpoint_public_access = true
# Replace with the operator's / CI egress addresses (203.0.113.0/24 is a documentation range).
public_access_cidrs          = ["203.0.113.10/32"]
cluster_admin_principal_arns = []

node_groups = {
  general = {
    instance_types = ["t3.large"]
    capacity_type  = "SPOT"
    min_size       = 1
    max_size       = 3
    desired_size   = 2
  }
}

ecr_keep_tagged_images   = 20
ecr_untagged_expiry_days = 3

alarm_email = null

enable_vpn = false
