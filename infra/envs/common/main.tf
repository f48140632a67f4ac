# Identical in every environment (the test script checks it); differences live
# in terraform.tfvars and backend.tf.

locals {
  name_prefix  = "${var.project}-${var.environment}"
  cluster_name = "${local.name_prefix}-eks"

  # URL-signing public keys read from the PEM files listed in tfvars.
  cloudfront_public_keys = {
    for name, relative_path in var.cloudfront_public_key_files :
    name => file("${path.module}/${relative_path}")
  }
}

module "network" {
  source = "../../modules/network"

  name_prefix             = local.name_prefix
  vpc_cidr                = var.vpc_cidr
  az_count                = var.az_count
  nat_gateway_mode        = var.nat_gateway_mode
  cluster_name            = local.cluster_name
  flow_log_retention_days = var.log_retention_days
}

module "storage" {
  source = "../../modules/storage"
  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  name_prefix                        = local.name_prefix
  cors_allowed_origins               = var.frontend_origins
  noncurrent_version_expiration_days = var.noncurrent_version_expiration_days
  media_ia_transition_days           = var.media_ia_transition_days
  enable_replication                 = var.enable_replication
  # The bucket and KMS key policies take the distribution ARN; the distribution
  # only needs the bucket's domain name, so there is no cycle.
  cloudfront_distribution_arns = [module.cdn.distribution_arn]
}

module "waf" {
  source = "../../modules/waf"
  providers = {
    aws = aws.us_east_1
  }

  name_prefix                   = local.name_prefix
  rate_limit                    = var.waf_rate_limit
  enable_shield_advanced        = var.enable_shield_advanced
  shield_protected_resource_arn = var.enable_shield_advanced ? module.cdn.distribution_arn : null
}

module "cdn" {
  source = "../../modules/cdn"

  name_prefix                        = local.name_prefix
  origin_bucket_regional_domain_name = module.storage.bucket_regional_domain_name
  origin_path                        = "/${trimsuffix(module.storage.prefixes.media, "/")}"
  aliases                            = var.cdn_aliases
  acm_certificate_arn                = var.acm_certificate_arn
  require_custom_certificate         = var.environment != "dev"
  price_class                        = var.cdn_price_class
  public_keys                        = local.cloudfront_public_keys
  geo_restriction_type               = var.geo_restriction_type
  geo_restriction_locations          = var.geo_restriction_locations
  frontend_origins                   = var.frontend_origins
  web_acl_arn                        = module.waf.web_acl_arn
}

module "backup" {
  source = "../../modules/backup"

  name_prefix           = local.name_prefix
  resource_arns         = { videos = module.storage.bucket_arn }
  daily_retention_days  = var.backup_daily_retention_days
  weekly_retention_days = var.backup_weekly_retention_days
}

module "registry" {
  source = "../../modules/registry"

  name_prefix          = local.name_prefix
  keep_tagged_images   = var.ecr_keep_tagged_images
  untagged_expiry_days = var.ecr_untagged_expiry_days
}

module "onprem_link" {
  source = "../../modules/onprem-link"

  name_prefix             = local.name_prefix
  enable_vpn              = var.enable_vpn
  vpc_id                  = module.network.vpc_id
  vpc_cidr                = var.vpc_cidr
  private_route_table_ids = module.network.private_route_table_ids
  customer_gateway_ip     = var.customer_gateway_ip
  onprem_cidrs            = var.onprem_cidrs
}

module "iam" {
  source = "../../modules/iam"

  name_prefix       = local.name_prefix
  cluster_name      = module.cluster.cluster_name
  video_bucket_arn  = module.storage.bucket_arn
  video_kms_key_arn = module.storage.kms_key_arn
  bucket_prefixes   = module.storage.prefixes
  secrets = {
    mongodb_connection_string_arn = module.onprem_link.secret_arns["mongodb-connection-string"]
    cloudfront_signing_key_arn    = module.onprem_link.secret_arns["cloudfront-signing-key"]
    kms_key_arn                   = module.onprem_link.secrets_kms_key_arn
  }
  ecr_repository_arns = values(module.registry.repository_arns)
}

module "cluster" {
  source = "../../modules/cluster"

  name_prefix                  = local.name_prefix
  cluster_name                 = local.cluster_name
  kubernetes_version           = var.kubernetes_version
  subnet_ids                   = values(module.network.private_subnet_ids)
  endpoint_private_access      = true
  endpoint_public_access       = var.endpoint_public_access
  public_access_cidrs          = var.public_access_cidrs
  log_retention_days           = var.log_retention_days
  node_role_arn                = module.iam.node_role_arn
  node_groups                  = var.node_groups
  cluster_admin_principal_arns = var.cluster_admin_principal_arns
}

module "monitoring" {
  source = "../../modules/monitoring"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix                = local.name_prefix
  alarm_email                = var.alarm_email
  cloudfront_distribution_id = module.cdn.distribution_id
  web_acl_name               = module.waf.web_acl_name

  replication = var.enable_replication ? {
    source_bucket      = module.storage.bucket_id
    destination_bucket = module.storage.replica_bucket_id
    rule_id            = module.storage.replication_rule_id
  } : null

  node_groups = {
    for name, ng in var.node_groups : name => {
      autoscaling_group_name = module.cluster.node_groups[name].autoscaling_group_name
      min_size               = ng.min_size
      max_size               = ng.max_size
    }
  }

  vpn = var.enable_vpn ? { connection_id = module.onprem_link.vpn_connection_id } : null
}
