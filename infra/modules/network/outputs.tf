output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "IPv4 CIDR of the VPC (on-premises firewalls must route it back through the VPN)."
  value       = aws_vpc.this.cidr_block
}

output "availability_zones" {
  description = "Availability zones the subnets were spread over, in order."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "Public subnet IDs keyed by availability zone (NAT gateways, internet-facing load balancers)."
  value       = { for az, subnet in aws_subnet.public : az => subnet.id }
}

output "private_subnet_ids" {
  description = "Private subnet IDs keyed by availability zone (EKS control-plane ENIs, nodes, pods, internal load balancers)."
  value       = { for az, subnet in aws_subnet.private : az => subnet.id }
}

output "private_route_table_ids" {
  description = "Private route table IDs keyed by availability zone; the on-premises link adds its routes here."
  value       = { for az, table in aws_route_table.private : az => table.id }
}

output "nat_gateway_ids" {
  description = "NAT gateway IDs keyed by the availability zone they live in."
  value       = { for az, nat in aws_nat_gateway.this : az => nat.id }
}

output "nat_public_ips" {
  description = "Public egress addresses of the NAT gateways (allow-list them where third parties filter by source IP)."
  value       = [for eip in aws_eip.nat : eip.public_ip]
}

output "flow_log_group_name" {
  description = "CloudWatch Logs group receiving the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}

output "flow_logs_kms_key_arn" {
  description = "ARN of the customer managed KMS key encrypting the flow log group."
  value       = aws_kms_key.flow_logs.arn
}
