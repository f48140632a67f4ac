output "vpc_id" {
  description = "ID of the VPC."
  value       = module.network.vpc_id
}

output "nat_public_ips" {
  description = "Egress addresses of the NAT gateways."
  value       = module.network.nat_public_ips
}

output "video_bucket" {
  description = "Name of the video bucket (Api configuration)."
  value       = module.storage.bucket_id
}

output "video_bucket_kms_key_arn" {
  description = "KMS key of the video bucket."
  value       = module.storage.kms_key_arn
}

output "replica_bucket" {
  description = "Name of the replica bucket in the second region."
  value       = module.storage.replica_bucket_id
}

output "cdn_domain_name" {
  description = "CloudFront domain name (CNAME target of the aliases, base URL of signed URLs without a custom domain)."
  value       = module.cdn.domain_name
}

output "cdn_distribution_id" {
  description = "CloudFront distribution ID."
  value       = module.cdn.distribution_id
}

output "cdn_public_key_ids" {
  description = "CloudFront public key IDs by key name: the Key-Pair-Id to store next to the private key in the signing-key secret."
  value       = module.cdn.public_key_ids
}

output "cdn_effective_minimum_protocol_version" {
  description = "TLS policy viewers actually get."
  value       = module.cdn.effective_minimum_protocol_version
}

output "web_acl_arn" {
  description = "WAF web ACL protecting the distribution."
  value       = module.waf.web_acl_arn
}

output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name ...)."
  value       = module.cluster.cluster_name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint."
  value       = module.cluster.cluster_endpoint
}

output "workload_role_arns" {
  description = "Pod Identity roles by workload."
  value       = module.iam.workload_role_arns
}

output "ecr_repository_urls" {
  description = "ECR repository URLs by service."
  value       = module.registry.repository_urls
}

output "secret_names" {
  description = "Secrets Manager secrets the operator fills with the AWS CLI."
  value       = module.onprem_link.secret_names
}

output "vpn_tunnel_addresses" {
  description = "AWS tunnel endpoints to configure on the operator's VPN device."
  value       = module.onprem_link.vpn_tunnel_addresses
}

output "backup_vault" {
  description = "AWS Backup vault name."
  value       = module.backup.vault_name
}

output "alarm_topic_arns" {
  description = "SNS topics receiving the alarms (primary region and us-east-1)."
  value       = [module.monitoring.alarm_topic_arn, module.monitoring.alarm_topic_us_east_1_arn]
}
