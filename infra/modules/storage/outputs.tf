output "bucket_id" {
  description = "Name of the video bucket."
  value       = aws_s3_bucket.videos.id
}

output "bucket_arn" {
  description = "ARN of the video bucket."
  value       = aws_s3_bucket.videos.arn
}

output "bucket_regional_domain_name" {
  description = "Regional domain name of the video bucket, the CloudFront origin."
  value       = aws_s3_bucket.videos.bucket_regional_domain_name
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the video bucket (workload roles need kms:Decrypt/GenerateDataKey on it)."
  value       = aws_kms_key.videos.arn
}

output "prefixes" {
  description = "Key prefixes by purpose: sources (uploads), media (renditions served by CloudFront), backups (database dumps)."
  value = {
    sources = var.sources_prefix
    media   = var.media_prefix
    backups = var.backups_prefix
  }
}

output "replica_bucket_id" {
  description = "Name of the replica bucket in the second region (null when replication is off)."
  value       = var.enable_replication ? aws_s3_bucket.replica[0].id : null
}

output "replica_bucket_arn" {
  description = "ARN of the replica bucket (null when replication is off)."
  value       = var.enable_replication ? aws_s3_bucket.replica[0].arn : null
}

output "replica_kms_key_arn" {
  description = "ARN of the KMS key encrypting the replica bucket, in the replica region (null when replication is off)."
  value       = var.enable_replication ? aws_kms_key.replica[0].arn : null
}

output "replication_rule_id" {
  description = "ID of the replication rule, the RuleId dimension of the ReplicationLatency metric (null when replication is off)."
  value       = var.enable_replication ? local.replication_rule_id : null
}
