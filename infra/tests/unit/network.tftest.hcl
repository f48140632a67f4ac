# Network module: VPC, subnets, NAT, flow logs.

# No override_during = plan here: these runs apply (see below), and values
# generated at plan time would not match the ones generated at apply time.
mock_provider "aws" {
  source = "./mocks"
}

variables {
  name_prefix  = "streamingapp-test"
  vpc_cidr     = "10.20.0.0/16"
  cluster_name = "streamingapp-test-eks"
}

run "single_nat_two_zones" {
  # apply: NAT gateway IDs and the default security group rules are only
  # known after an apply, even with mocked providers.
  command = apply

  module {
    source = "../../modules/network"
  }

  variables {
    az_count         = 2
    nat_gateway_mode = "single"
  }

  assert {
    condition     = length(distinct([for s in aws_subnet.private : s.availability_zone])) == 2 && length(distinct([for s in aws_subnet.public : s.availability_zone])) == 2
    error_message = "Public and private subnets must be spread over az_count availability zones."
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(distinct([for r in aws_route.private_nat : r.nat_gateway_id])) == 1
    error_message = "nat_gateway_mode = single must create one NAT gateway used by every private route table."
  }

  assert {
    condition = alltrue([
      aws_subnet.private["eu-west-1a"].cidr_block == "10.20.0.0/19",
      aws_subnet.private["eu-west-1b"].cidr_block == "10.20.32.0/19",
      aws_subnet.public["eu-west-1a"].cidr_block == "10.20.255.0/24",
      aws_subnet.public["eu-west-1b"].cidr_block == "10.20.254.0/24",
    ])
    error_message = "Subnet CIDRs must be /19 private slices from the bottom and /24 public slices from the top of the VPC range."
  }

  assert {
    condition = alltrue([for s in aws_subnet.public :
    s.tags["kubernetes.io/role/elb"] == "1" && s.tags["kubernetes.io/cluster/streamingapp-test-eks"] == "shared" && !s.map_public_ip_on_launch])
    error_message = "Public subnets must carry the kubernetes.io/role/elb and cluster tags and not assign public IPs."
  }

  assert {
    condition = alltrue([for s in aws_subnet.private :
    s.tags["kubernetes.io/role/internal-elb"] == "1" && s.tags["kubernetes.io/cluster/streamingapp-test-eks"] == "shared"])
    error_message = "Private subnets must carry the kubernetes.io/role/internal-elb and cluster tags."
  }

  assert {
    condition     = aws_flow_log.vpc.log_destination_type == "cloud-watch-logs" && aws_flow_log.vpc.traffic_type == "ALL" && aws_flow_log.vpc.log_destination == aws_cloudwatch_log_group.flow_logs.arn
    error_message = "The VPC flow log must send ALL traffic records to the CloudWatch Logs group."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs.kms_key_id == aws_kms_key.flow_logs.arn
    error_message = "The flow log group must be encrypted with the module's KMS key."
  }

  assert {
    condition     = aws_kms_key.flow_logs.enable_key_rotation
    error_message = "The flow logs KMS key must have automatic rotation enabled."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.flow_logs.policy).Statement :
    !contains(flatten([s.Action]), "*") && !contains(flatten([s.Resource]), "*")])
    error_message = "The flow logs role policy must not use * actions or * resources."
  }

  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "The default security group must have no rules."
  }
}

run "nat_per_zone_three_zones" {
  # apply: NAT gateway IDs and the default security group rules are only
  # known after an apply, even with mocked providers.
  command = apply

  module {
    source = "../../modules/network"
  }

  variables {
    az_count         = 3
    nat_gateway_mode = "one_per_az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 3 && alltrue([for az, route in aws_route.private_nat : route.nat_gateway_id == aws_nat_gateway.this[az].id])
    error_message = "nat_gateway_mode = one_per_az must create a NAT gateway per zone and route each private table to the NAT of its own zone."
  }
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/network"
  }

  variables {
    vpc_cidr         = "10.300.0.0/16"
    az_count         = 1
    nat_gateway_mode = "none"
  }

  expect_failures = [var.vpc_cidr, var.az_count, var.nat_gateway_mode]
}
