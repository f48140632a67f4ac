# Root of the offline unit tests. The tests themselves (*.tftest.hcl) plan and
# "apply" the real modules (run blocks with module { source = ... }) against
# mocked AWS providers; nothing here creates infrastructure.
terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}
