# Staging: production-like (custom certificate mandatory, VPN to the operator's
# network) at reduced size: two zones, single NAT gateway, small node group.
# Values only the operator knows are left null: plan stops and names them.
environment = "staging"
# aws_account_id = "<12-digit account id>"
region         = "eu-west-1"
replica_region = "eu-central-1"
owner          = "platform-team"
cost_center    = "streamingapp-staging"

vpc_cidr           = "10.30.0.0/16"
az_count           = 2
nat_gateway_mode   = "single"
log_retention_days = 30

frontend_origins                   = ["https://staging.streamingapp.example"]
noncurrent_version_expiration_days = 14
media_ia_transition_days           = 60
enable_replication                 = true
backup_daily_retention_days        = 7
backup_weekly_retention_days       = 35

# cloudfront_public_key_files = { "2025-06" = "cloudfront-public-keys/2025-06.pub.pem" }
cloudfront_public_key_files = {}
# Required outside dev: an ACM certificate in us-east-1 and the matching alias, e.g.
# cdn_aliases         = ["media.staging.streamingapp.example"]
# acm_certificate_arn = "arn:aws:acm:us-east-1:<account>:certificate/<id>"
cdn_aliases               = []
acm_certificate_arn       = null
cdn_price_class           = "PriceClass_100"
geo_restriction_type      = "none"
geo_restriction_locations = []
waf_rate_limit            = 3000

kubernetes_version           = "1.32"
endpoint_public_access       = false
public_access_cidrs          = []
cluster_admin_principal_arns = []

node_groups = {
  general = {
    instance_types = ["t3.large"]
    min_size       = 2
    max_size       = 4
    desired_size   = 2
  }
}

ecr_keep_tagged_images   = 30
ecr_untagged_expiry_days = 7

alarm_email = null

enable_vpn          = true
customer_gateway_ip = null # the operator's public IPv4 address
onprem_cidrs        = ["192.168.10.0/24"]
