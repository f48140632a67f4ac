# State in S3 with the native S3 lock file (no DynamoDB table). The bucket and
# its region are passed at init time, see docs/infrastructure.md "Bootstrap":
#   terraform init -backend-config="bucket=<state bucket>" -backend-config="region=<region>"
terraform {
  backend "s3" {
    key          = "streamingapp/prod/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
