terraform {
  # 1.10+ for the S3 backend's native lock file (use_lockfile), 1.9+ for
  # validations that refer to other variables.
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}
