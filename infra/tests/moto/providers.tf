# Every service the composed modules call is pointed at moto_server. Credentials
# are dummies exported by the test script; nothing here can reach AWS.
locals {
  services = [
    "autoscaling", "backup", "cloudfront", "cloudwatch", "cloudwatchlogs", "ec2", "ecr", "eks",
    "iam", "kms", "s3", "secretsmanager", "shield", "sns", "sts", "wafv2",
  ]
  endpoints = { for service in local.services : service => var.moto_endpoint }

  tags = {
    Project     = "streamingapp"
    Environment = "moto-test"
    ManagedBy   = "terraform"
  }
}

provider "aws" {
  region                      = "eu-west-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  s3_use_path_style           = true

  endpoints {
    autoscaling    = local.endpoints.autoscaling
    backup         = local.endpoints.backup
    cloudfront     = local.endpoints.cloudfront
    cloudwatch     = local.endpoints.cloudwatch
    cloudwatchlogs = local.endpoints.cloudwatchlogs
    ec2            = local.endpoints.ec2
    ecr            = local.endpoints.ecr
    eks            = local.endpoints.eks
    iam            = local.endpoints.iam
    kms            = local.endpoints.kms
    s3             = local.endpoints.s3
    secretsmanager = local.endpoints.secretsmanager
    shield         = local.endpoints.shield
    sns            = local.endpoints.sns
    sts            = local.endpoints.sts
    wafv2          = local.endpoints.wafv2
  }

  default_tags {
    tags = local.tags
  }
}

# Second region, which is also us-east-1, where the CLOUDFRONT-scoped web ACL must
# live: one provider configuration (and one provider process per Terraform
# walk) less than an environment root, which keeps the run shorter.
provider "aws" {
  alias                       = "replica"
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  s3_use_path_style           = true

  endpoints {
    cloudwatch = local.endpoints.cloudwatch
    iam        = local.endpoints.iam
    kms        = local.endpoints.kms
    s3         = local.endpoints.s3
    shield     = local.endpoints.shield
    sns        = local.endpoints.sns
    sts        = local.endpoints.sts
    wafv2      = local.endpoints.wafv2
  }

  default_tags {
    tags = local.tags
  }
}
