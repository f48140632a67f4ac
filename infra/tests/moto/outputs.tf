output "vpc_id" {
  description = "ID of the VPC created in moto."
  value       = module.network.vpc_id
}

output "video_bucket" {
  description = "Name of the video bucket created in moto."
  value       = module.storage.bucket_id
}

output "replica_bucket" {
  description = "Name of the replica bucket created in moto."
  value       = module.storage.replica_bucket_id
}

output "video_kms_key_arn" {
  description = "KMS key of the video bucket."
  value       = module.storage.kms_key_arn
}

output "log_bucket" {
  description = "Name of the CloudFront log bucket."
  value       = module.cdn.log_bucket_id
}

output "distribution_arn" {
  description = "ARN of the distribution in AWS format (must appear in the bucket and KMS key policies)."
  value       = local.distribution_arn
}

output "distribution_id" {
  description = "ID of the distribution."
  value       = module.cdn.distribution_id
}

output "cluster_name" {
  description = "Name of the EKS cluster created in moto."
  value       = module.cluster.cluster_name
}

output "repository_urls" {
  description = "ECR repository URLs."
  value       = module.registry.repository_urls
}

output "workload_role_arns" {
  description = "Pod Identity role ARNs."
  value       = module.iam.workload_role_arns
}
