# Realistic shapes for values the modules compute with or validate. Anything not
# listed here gets a random string from the mock provider.

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "123456789012"
    arn        = "arn:aws:iam::123456789012:role/terraform"
    user_id    = "AROAEXAMPLEID:terraform"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition          = "aws"
    dns_suffix         = "amazonaws.com"
    reverse_dns_prefix = "com.amazonaws"
  }
}

mock_data "aws_region" {
  defaults = {
    name        = "eu-west-1"
    description = "Europe (Ireland)"
    endpoint    = "ec2.eu-west-1.amazonaws.com"
  }
}

mock_data "aws_availability_zones" {
  defaults = {
    names    = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    zone_ids = ["euw1-az1", "euw1-az2", "euw1-az3"]
  }
}

mock_data "aws_default_tags" {
  defaults = {
    tags = {
      Project     = "streamingapp"
      Environment = "test"
      ManagedBy   = "terraform"
    }
  }
}

mock_data "aws_canonical_user_id" {
  defaults = {
    id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
  }
}

mock_resource "aws_kms_key" {
  defaults = {
    arn    = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

mock_resource "aws_s3_bucket" {
  defaults = {
    arn                         = "arn:aws:s3:::streamingapp-test-videos-123456789012"
    bucket_domain_name          = "streamingapp-test-videos-123456789012.s3.amazonaws.com"
    bucket_regional_domain_name = "streamingapp-test-videos-123456789012.s3.eu-west-1.amazonaws.com"
    hosted_zone_id              = "Z1BKCTXD74EZPE"
    region                      = "eu-west-1"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn       = "arn:aws:iam::123456789012:role/streamingapp-test-role"
    unique_id = "AROAEXAMPLEROLEID"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/streamingapp/test"
  }
}

mock_resource "aws_vpc" {
  defaults = {
    id                        = "vpc-0123456789abcdef0"
    arn                       = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0123456789abcdef0"
    default_security_group_id = "sg-0123456789abcdef0"
    main_route_table_id       = "rtb-0123456789abcdef0"
  }
}

mock_resource "aws_eip" {
  defaults = {
    id        = "eipalloc-0123456789abcdef0"
    public_ip = "198.51.100.20"
  }
}

mock_resource "aws_internet_gateway" {
  defaults = {
    id = "igw-0123456789abcdef0"
  }
}

mock_resource "aws_cloudfront_distribution" {
  defaults = {
    id             = "EDFDVBD6EXAMPLE"
    arn            = "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"
    domain_name    = "d111111abcdef8.cloudfront.net"
    hosted_zone_id = "Z2FDTNDATAQYW2"
    status         = "Deployed"
  }
}

mock_resource "aws_cloudfront_public_key" {
  defaults = {
    id = "K2JCJMDEHXQW5F"
  }
}

mock_resource "aws_cloudfront_key_group" {
  defaults = {
    id = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }
}

mock_resource "aws_cloudfront_origin_access_control" {
  defaults = {
    id = "E2QWRUHAPOMQZL"
  }
}

mock_resource "aws_cloudfront_cache_policy" {
  defaults = {
    id = "11111111-2222-3333-4444-555555555555"
  }
}

mock_resource "aws_cloudfront_response_headers_policy" {
  defaults = {
    id = "66666666-7777-8888-9999-000000000000"
  }
}

mock_resource "aws_wafv2_web_acl" {
  defaults = {
    id  = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/streamingapp-test-cdn/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  }
}

mock_resource "aws_launch_template" {
  defaults = {
    id             = "lt-0123456789abcdef0"
    arn            = "arn:aws:ec2:eu-west-1:123456789012:launch-template/lt-0123456789abcdef0"
    latest_version = 1
  }
}

mock_resource "aws_eks_cluster" {
  defaults = {
    arn                   = "arn:aws:eks:eu-west-1:123456789012:cluster/streamingapp-test-eks"
    endpoint              = "https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com"
    certificate_authority = [{ data = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t" }]
    status                = "ACTIVE"
  }
}

mock_resource "aws_eks_node_group" {
  defaults = {
    arn    = "arn:aws:eks:eu-west-1:123456789012:nodegroup/streamingapp-test-eks/general/0123"
    status = "ACTIVE"
    resources = [{
      autoscaling_groups              = [{ name = "eks-general-0123456789abcdef" }]
      remote_access_security_group_id = ""
    }]
  }
}

mock_resource "aws_secretsmanager_secret" {
  defaults = {
    arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:streamingapp-test/mock-AbCdEf"
  }
}

mock_resource "aws_ecr_repository" {
  defaults = {
    arn            = "arn:aws:ecr:eu-west-1:123456789012:repository/streamingapp-test/api"
    registry_id    = "123456789012"
    repository_url = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/streamingapp-test/api"
  }
}

mock_resource "aws_sns_topic" {
  defaults = {
    arn = "arn:aws:sns:eu-west-1:123456789012:streamingapp-test-alarms"
  }
}

mock_resource "aws_backup_vault" {
  defaults = {
    arn = "arn:aws:backup:eu-west-1:123456789012:backup-vault:streamingapp-test-vault"
  }
}

mock_resource "aws_backup_plan" {
  defaults = {
    id  = "8c5f1c2e-0000-4000-8000-000000000001"
    arn = "arn:aws:backup:eu-west-1:123456789012:backup-plan:8c5f1c2e-0000-4000-8000-000000000001"
  }
}

mock_resource "aws_vpn_gateway" {
  defaults = {
    id = "vgw-0123456789abcdef0"
  }
}

mock_resource "aws_customer_gateway" {
  defaults = {
    id = "cgw-0123456789abcdef0"
  }
}

mock_resource "aws_vpn_connection" {
  defaults = {
    id              = "vpn-0123456789abcdef0"
    tunnel1_address = "198.51.100.1"
    tunnel2_address = "198.51.100.2"
  }
}
