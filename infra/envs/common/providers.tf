locals {
  tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
    Owner       = var.owner
    CostCenter  = var.cost_center
    Repository  = "streamingapp/infra/envs/${var.environment}"
  }

  # Not a deployment choice: CloudFront only uses ACM certificates and
  # CLOUDFRONT-scoped WAF web ACLs from us-east-1, and publishes its metrics there.
  cloudfront_control_region = "us-east-1"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = var.aws_account_id == null ? null : [var.aws_account_id]

  default_tags {
    tags = local.tags
  }
}

provider "aws" {
  alias               = "replica"
  region              = var.replica_region
  allowed_account_ids = var.aws_account_id == null ? null : [var.aws_account_id]

  default_tags {
    tags = local.tags
  }
}

provider "aws" {
  alias               = "us_east_1"
  region              = local.cloudfront_control_region
  allowed_account_ids = var.aws_account_id == null ? null : [var.aws_account_id]

  default_tags {
    tags = local.tags
  }
}
