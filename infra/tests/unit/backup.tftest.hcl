# Backup module: vault, plan, selection of the video bucket.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

variables {
  name_prefix           = "streamingapp-test"
  resource_arns         = { videos = "arn:aws:s3:::streamingapp-test-videos-123456789012" }
  daily_retention_days  = 10
  weekly_retention_days = 60
}

run "plan_matches_retention" {
  command = plan

  module {
    source = "../../modules/backup"
  }

  assert {
    condition = alltrue([
      one([for r in aws_backup_plan.this.rule : r.lifecycle[0].delete_after if r.rule_name == "streamingapp-test-daily"]) == 10,
      one([for r in aws_backup_plan.this.rule : r.lifecycle[0].delete_after if r.rule_name == "streamingapp-test-weekly"]) == 60,
    ])
    error_message = "Daily and weekly recovery points must be kept exactly daily_retention_days and weekly_retention_days."
  }

  assert {
    condition     = aws_backup_vault.this.kms_key_arn == aws_kms_key.vault.arn && aws_kms_key.vault.enable_key_rotation
    error_message = "The vault must be encrypted with its own rotating KMS key."
  }

  assert {
    condition     = aws_backup_selection.this[0].resources == toset(values(var.resource_arns)) && aws_backup_selection.this[0].iam_role_arn == aws_iam_role.backup.arn
    error_message = "The selection must back up the video bucket with the backup role."
  }

  assert {
    condition = toset([for a in aws_iam_role_policy_attachment.backup : a.policy_arn]) == toset([
      "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
      "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
    ])
    error_message = "The backup role must have the AWS managed S3 backup and restore policies."
  }
}

run "rejects_bad_retention" {
  command = plan

  module {
    source = "../../modules/backup"
  }

  variables {
    daily_retention_days = 0
  }

  expect_failures = [var.daily_retention_days]
}

run "rejects_weekly_shorter_than_daily" {
  command = plan

  module {
    source = "../../modules/backup"
  }

  variables {
    daily_retention_days  = 30
    weekly_retention_days = 14
  }

  expect_failures = [var.weekly_retention_days]
}
