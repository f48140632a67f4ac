# Production: three zones, one NAT gateway per zone, custom certificate
# mandatory, VPN to the operator's machine running MongoDB.
# Values only the operator knows are left null: plan stops and names them.
environment = "prod"
# aws_account_id = "<12-digit account id>"
region         = "eu-west-1"
replica_region = "eu-central-1"
owner          = "platform-team"
cost_center    = "streamingapp-prod"

vpc_cidr           = "10.40.0.0/16"
az_count           = 3
nat_gateway_mode   = "one_per_az"
log_retention_days = 90

frontend_origins                   = ["https://streamingapp.example"]
noncurrent_version_expiration_days = 30
media_ia_transition_days           = 90
enable_replication                 = true
backup_daily_retention_days        = 14
backup_weekly_retention_days       = 90

# cloudfront_public_key_files = { "2025-06" = "cloudfront-public-keys/2025-06.pub.pem" }
cloudfront_public_key_files = {}
# cdn_aliases         = ["media.streamingapp.example"]
# acm_certificate_arn = "arn:aws:acm:us-east-1:<account>:certificate/<id>"
cdn_aliases               = []
acm_certificate_arn       = null
cdn_price_class           = "PriceClass_100"
geo_restriction_type      = "none"
geo_restriction_locations = []
waf_rate_limit            = 3000
enable_shield_advanced    = false

kubernetes_version           = "1.32"
endpoint_public_access       = false
public_access_cidrs          = []
cluster_admin_principal_arns = []

node_groups = {
  general = {
    instance_types = ["m6i.large", "m5.large"]
    min_size       = 3
    max_size       = 9
    desired_size   = 3
    disk_size_gib  = 80
  }
  transcode = {
    instance_types = ["c6i.2xlarge", "c5.2xlarge"]
    capacity_type  = "SPOT"
    min_size       = 0
    max_size       = 6
    desired_size   = 0
    disk_size_gib  = 100
    labels         = { workload = "transcode" }
  }
}

ecr_keep_tagged_images   = 50
ecr_untagged_expiry_days = 7

alarm_email = null

enable_vpn          = true
customer_gateway_ip = null # the operator's public IPv4 address
onprem_cidrs        = ["192.168.10.0/24"]
