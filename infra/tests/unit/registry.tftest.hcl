# Registry module: ECR repositories.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

variables {
  name_prefix          = "streamingapp-test"
  keep_tagged_images   = 25
  untagged_expiry_days = 5
}

run "immutable_scanned_encrypted" {
  command = plan

  module {
    source = "../../modules/registry"
  }

  assert {
    condition     = toset(keys(aws_ecr_repository.this)) == toset(["auth", "api", "frontend"])
    error_message = "There must be one repository per service (auth, api, frontend)."
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.image_tag_mutability == "IMMUTABLE"])
    error_message = "Every repository must have immutable tags."
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.image_scanning_configuration[0].scan_on_push])
    error_message = "Every repository must scan images on push."
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.encryption_configuration[0].encryption_type == "KMS" && r.encryption_configuration[0].kms_key == aws_kms_key.registry.arn])
    error_message = "Every repository must be encrypted with the registry KMS key."
  }

  assert {
    condition     = aws_kms_key.registry.enable_key_rotation
    error_message = "The registry KMS key must have automatic rotation enabled."
  }

  assert {
    condition = alltrue([for p in aws_ecr_lifecycle_policy.this : anytrue([for r in jsondecode(p.policy).rules :
    r.selection.tagStatus == "untagged" && r.selection.countType == "sinceImagePushed" && r.selection.countNumber == 5])])
    error_message = "Untagged images must expire after untagged_expiry_days."
  }

  assert {
    condition = alltrue([for p in aws_ecr_lifecycle_policy.this : anytrue([for r in jsondecode(p.policy).rules :
    r.selection.tagStatus == "tagged" && r.selection.countType == "imageCountMoreThan" && r.selection.countNumber == 25])])
    error_message = "Only the last keep_tagged_images tagged images may be kept."
  }
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/registry"
  }

  variables {
    keep_tagged_images   = 0
    untagged_expiry_days = 0
    repositories         = ["API"]
  }

  expect_failures = [var.keep_tagged_images, var.untagged_expiry_days, var.repositories]
}
