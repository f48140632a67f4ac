output "vault_name" {
  description = "Name of the backup vault."
  value       = aws_backup_vault.this.name
}

output "vault_arn" {
  description = "ARN of the backup vault."
  value       = aws_backup_vault.this.arn
}

output "vault_kms_key_arn" {
  description = "ARN of the KMS key encrypting the recovery points."
  value       = aws_kms_key.vault.arn
}

output "plan_id" {
  description = "ID of the backup plan."
  value       = aws_backup_plan.this.id
}

output "role_arn" {
  description = "ARN of the IAM role AWS Backup uses (also needed to start an on-demand restore)."
  value       = aws_iam_role.backup.arn
}

output "retention_days" {
  description = "Retention of the recovery points by rule."
  value       = { for name, rule in local.rules : name => rule.retention_days }
}
