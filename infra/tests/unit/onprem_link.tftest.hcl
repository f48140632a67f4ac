# On-premises link module: Site-to-Site VPN and application secrets.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

variables {
  name_prefix = "streamingapp-test"
  vpc_id      = "vpc-0123456789abcdef0"
  vpc_cidr    = "10.40.0.0/16"
  private_route_table_ids = {
    "eu-west-1a" = "rtb-0a0a0a0a0a0a0a0a1"
    "eu-west-1b" = "rtb-0b0b0b0b0b0b0b0b2"
  }
}

run "vpn_to_operator" {
  command = plan

  module {
    source = "../../modules/onprem-link"
  }

  variables {
    enable_vpn          = true
    customer_gateway_ip = "198.51.100.10"
    onprem_cidrs        = ["192.168.10.0/24", "192.168.20.0/24"]
  }

  assert {
    condition     = aws_customer_gateway.onprem[0].ip_address == "198.51.100.10" && aws_vpn_gateway.this[0].vpc_id == var.vpc_id
    error_message = "The customer gateway must use the operator's IP and the VPN gateway must be attached to the VPC."
  }

  assert {
    condition     = aws_vpn_connection.onprem[0].static_routes_only && toset([for r in aws_vpn_connection_route.onprem : r.destination_cidr_block]) == toset(var.onprem_cidrs)
    error_message = "The VPN connection must use static routes to every on-premises CIDR."
  }

  assert {
    condition = length(aws_route.onprem) == 4 && alltrue([for r in aws_route.onprem :
    r.gateway_id == aws_vpn_gateway.this[0].id && contains(values(var.private_route_table_ids), r.route_table_id)])
    error_message = "Every private route table must route every on-premises CIDR to the VPN gateway."
  }

  assert {
    condition     = aws_vpn_connection.onprem[0].preshared_key_storage == "SecretsManager"
    error_message = "Tunnel pre-shared keys must be kept in Secrets Manager, not in the Terraform state."
  }

  assert {
    condition     = aws_vpn_connection.onprem[0].tunnel1_ike_versions == toset(["ikev2"]) && aws_vpn_connection.onprem[0].tunnel2_ike_versions == toset(["ikev2"])
    error_message = "Both tunnels must only negotiate IKEv2."
  }

  assert {
    condition     = alltrue([for s in aws_secretsmanager_secret.this : s.kms_key_id == aws_kms_key.secrets.arn]) && aws_kms_key.secrets.enable_key_rotation
    error_message = "Application secrets must be encrypted with the rotating secrets KMS key."
  }

  assert {
    condition     = toset(keys(aws_secretsmanager_secret.this)) == toset(["mongodb-connection-string", "cloudfront-signing-key"])
    error_message = "The MongoDB connection string and CloudFront signing key secrets must exist (values are put outside Terraform)."
  }
}

run "rejects_private_gateway_ip_and_overlap" {
  command = plan

  module {
    source = "../../modules/onprem-link"
  }

  variables {
    enable_vpn          = true
    customer_gateway_ip = "192.168.1.10"
    onprem_cidrs        = ["10.40.8.0/24"]
  }

  expect_failures = [var.customer_gateway_ip, var.onprem_cidrs]
}

run "rejects_malformed_ip_and_cidr" {
  command = plan

  module {
    source = "../../modules/onprem-link"
  }

  variables {
    enable_vpn          = true
    customer_gateway_ip = "203.0.113.300"
    onprem_cidrs        = ["192.168.1.0/33"]
  }

  expect_failures = [var.customer_gateway_ip, var.onprem_cidrs]
}
