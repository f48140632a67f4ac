# Whole environments (the real envs/<env> roots, all modules wired together)
# planned against mocked providers with values close to their terraform.tfvars.
# Terraform warns that the root's S3 backend block is ignored when a root is
# used as a module in a test; that is expected.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

mock_provider "aws" {
  alias           = "replica"
  source          = "./mocks"
  override_during = plan

  mock_data "aws_region" {
    defaults = {
      name = "eu-central-1"
    }
  }
}

mock_provider "aws" {
  alias           = "us_east_1"
  source          = "./mocks"
  override_during = plan

  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }
}

variables {
  region                      = "eu-west-1"
  replica_region              = "eu-central-1"
  owner                       = "platform-team"
  cost_center                 = "streamingapp"
  cloudfront_public_key_files = { "2025-06" = "../../tests/unit/fixtures/cloudfront-test.pub.pem" }
}

run "dev" {
  command = plan

  module {
    source = "../../envs/dev"
  }

  variables {
    environment            = "dev"
    vpc_cidr               = "10.20.0.0/16"
    nat_gateway_mode       = "single"
    frontend_origins       = ["https://dev.streamingapp.example", "http://localhost:5173"]
    endpoint_public_access = true
    public_access_cidrs    = ["203.0.113.10/32"]
    node_groups = {
      general = { instance_types = ["t3.large"], capacity_type = "SPOT", min_size = 1, max_size = 3, desired_size = 2 }
    }
  }

  assert {
    condition     = output.cdn_effective_minimum_protocol_version == "TLSv1"
    error_message = "dev may use the default *.cloudfront.net certificate, and must report that it implies TLSv1."
  }

  assert {
    condition     = length(module.network.nat_gateway_ids) == 1 && length(module.network.private_subnet_ids) == 2
    error_message = "dev must run a single NAT gateway over two zones."
  }

  assert {
    condition     = length(output.vpn_tunnel_addresses) == 0
    error_message = "dev must not create a VPN."
  }
}

run "staging_requires_certificate" {
  command = plan

  module {
    source = "../../envs/staging"
  }

  variables {
    environment      = "staging"
    vpc_cidr         = "10.30.0.0/16"
    frontend_origins = ["https://staging.streamingapp.example"]
    node_groups = {
      general = { instance_types = ["t3.large"], min_size = 2, max_size = 4, desired_size = 2 }
    }
    enable_vpn          = true
    customer_gateway_ip = "198.51.100.10"
    onprem_cidrs        = ["192.168.10.0/24"]
  }

  # Outside dev the default *.cloudfront.net certificate is refused.
  expect_failures = [var.acm_certificate_arn]
}

run "prod" {
  command = plan

  module {
    source = "../../envs/prod"
  }

  variables {
    environment         = "prod"
    vpc_cidr            = "10.40.0.0/16"
    az_count            = 3
    nat_gateway_mode    = "one_per_az"
    frontend_origins    = ["https://streamingapp.example"]
    cdn_aliases         = ["media.streamingapp.example"]
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/8b2d4c56-1a2b-4c3d-9e8f-0123456789ab"
    node_groups = {
      general   = { instance_types = ["m6i.large"], min_size = 3, max_size = 9, desired_size = 3 }
      transcode = { instance_types = ["c6i.2xlarge"], capacity_type = "SPOT", min_size = 0, max_size = 6, desired_size = 0, labels = { workload = "transcode" } }
    }
    enable_vpn          = true
    customer_gateway_ip = "198.51.100.10"
    onprem_cidrs        = ["192.168.10.0/24"]
  }

  assert {
    condition     = output.cdn_effective_minimum_protocol_version == "TLSv1.2_2021"
    error_message = "prod must serve TLS 1.2+ only (custom certificate, TLSv1.2_2021)."
  }

  assert {
    condition     = length(module.network.nat_gateway_ids) == 3 && length(module.network.private_subnet_ids) == 3
    error_message = "prod must run one NAT gateway per zone over three zones."
  }

  assert {
    condition     = length(output.vpn_tunnel_addresses) == 2
    error_message = "prod must create the VPN to the operator's network."
  }
}
