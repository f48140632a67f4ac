data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  dns_suffix = data.aws_partition.current.dns_suffix

  # AWS managed policies for S3 backup and restore (they include the S3 and KMS
  # permissions AWS Backup needs on versioned, SSE-KMS buckets).
  managed_policies = {
    s3_backup  = "arn:${local.partition}:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup"
    s3_restore = "arn:${local.partition}:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore"
  }

  rules = {
    daily = {
      schedule       = var.daily_schedule
      retention_days = var.daily_retention_days
    }
    weekly = {
      schedule       = var.weekly_schedule
      retention_days = var.weekly_retention_days
    }
  }
}

resource "aws_kms_key" "vault" {
  description             = "${var.name_prefix} AWS Backup vault"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })

  tags = { Name = "${var.name_prefix}-backup-vault" }
}

resource "aws_kms_alias" "vault" {
  name          = "alias/${var.name_prefix}-backup-vault"
  target_key_id = aws_kms_key.vault.key_id
}

resource "aws_backup_vault" "this" {
  name          = "${var.name_prefix}-vault"
  kms_key_arn   = aws_kms_key.vault.arn
  force_destroy = var.force_destroy_vault
}

resource "aws_backup_plan" "this" {
  name = "${var.name_prefix}-plan"

  dynamic "rule" {
    for_each = local.rules

    content {
      rule_name         = "${var.name_prefix}-${rule.key}"
      target_vault_name = aws_backup_vault.this.name
      schedule          = rule.value.schedule
      start_window      = var.start_window_minutes
      completion_window = var.completion_window_minutes

      lifecycle {
        delete_after = rule.value.retention_days
      }

      recovery_point_tags = { BackupRule = rule.key }
    }
  }
}

resource "aws_iam_role" "backup" {
  name        = "${var.name_prefix}-backup"
  description = "Role AWS Backup assumes to back up and restore the ${var.name_prefix} buckets."

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AwsBackupService"
      Effect    = "Allow"
      Principal = { Service = "backup.${local.dns_suffix}" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "backup" {
  for_each = local.managed_policies

  role       = aws_iam_role.backup.name
  policy_arn = each.value
}

resource "aws_backup_selection" "this" {
  count = var.create_selection ? 1 : 0

  name         = "${var.name_prefix}-selection"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = values(var.resource_arns)

  depends_on = [aws_iam_role_policy_attachment.backup]
}
