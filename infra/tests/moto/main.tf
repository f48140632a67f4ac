# The real modules composed like an environment and applied to moto_server.
# Switches turn off only what moto cannot serve. The monitoring and backup
# modules are left out: they only create plain API objects (topics, alarms,
# vault, plan) that the unit tests already check, and moto has no backup
# selection API (see ../README.md).

data "aws_caller_identity" "current" {}

locals {
  cluster_name = "${var.name_prefix}-eks"

  # moto 5.2.1 returns distribution ARNs without the empty region field
  # ("arn:aws:cloudfront:<account>:distribution/<id>"), which the storage module
  # rightly rejects; rebuild the ARN in the format AWS uses.
  distribution_arn = "arn:aws:cloudfront::${data.aws_caller_identity.current.account_id}:distribution/${module.cdn.distribution_id}"
}

module "network" {
  source = "../../modules/network"

  name_prefix              = var.name_prefix
  vpc_cidr                 = "10.50.0.0/16"
  az_count                 = 2
  nat_gateway_mode         = "single"
  cluster_name             = local.cluster_name
  flow_log_retention_days  = 1
  kms_deletion_window_days = 7
}

module "storage" {
  source = "../../modules/storage"
  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  name_prefix                  = var.name_prefix
  cors_allowed_origins         = ["https://app.streamingapp.example"]
  cloudfront_distribution_arns = [local.distribution_arn]
  force_destroy                = true
  kms_deletion_window_days     = 7
}

module "waf" {
  source = "../../modules/waf"
  providers = {
    aws = aws.replica # us-east-1
  }

  name_prefix = var.name_prefix
}

module "cdn" {
  source = "../../modules/cdn"

  name_prefix                        = var.name_prefix
  origin_bucket_regional_domain_name = module.storage.bucket_regional_domain_name
  public_keys                        = { "moto" = file("${path.module}/../unit/fixtures/cloudfront-test.pub.pem") }
  require_custom_certificate         = false
  geo_restriction_type               = "whitelist"
  geo_restriction_locations          = ["FR", "BE"]
  frontend_origins                   = ["https://app.streamingapp.example"]
  web_acl_arn                        = module.waf.web_acl_arn
  # moto has no cache / response headers policy API: AWS managed policy IDs are used.
  create_edge_policies = false
  force_destroy_logs   = true
  wait_for_deployment  = false
}

module "registry" {
  source = "../../modules/registry"

  name_prefix              = var.name_prefix
  force_delete             = true
  kms_deletion_window_days = 7
}

module "onprem_link" {
  source = "../../modules/onprem-link"

  name_prefix                 = var.name_prefix
  enable_vpn                  = false
  vpc_id                      = module.network.vpc_id
  vpc_cidr                    = "10.50.0.0/16"
  secret_recovery_window_days = 0
  kms_deletion_window_days    = 7
}

module "iam" {
  source = "../../modules/iam"

  name_prefix       = var.name_prefix
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
  # moto has no EKS Pod Identity API.
  create_pod_identity_associations = false
}

module "cluster" {
  source = "../../modules/cluster"

  name_prefix   = var.name_prefix
  cluster_name  = local.cluster_name
  subnet_ids    = values(module.network.private_subnet_ids)
  node_role_arn = module.iam.node_role_arn
  node_groups = {
    general = { instance_types = ["t3.large"], min_size = 1, max_size = 3, desired_size = 2 }
  }
  log_retention_days       = 1
  kms_deletion_window_days = 7
  # moto has no EKS add-on API and its node groups have no real Auto Scaling group.
  enable_addons = false
  manage_asg    = false
}
