terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80.0, < 6.0.0"
      # aws.us_east_1: CloudFront and CLOUDFRONT-scoped WAF metrics only exist in
      # us-east-1, and an alarm must notify a topic in its own region.
      configuration_aliases = [aws.us_east_1]
    }
  }
}
