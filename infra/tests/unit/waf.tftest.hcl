# WAF module: CLOUDFRONT-scoped web ACL in us-east-1, optional Shield Advanced.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

mock_provider "aws" {
  alias           = "us_east_1"
  source          = "./mocks"
  override_during = plan

  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }
}

variables {
  name_prefix = "streamingapp-test"
  rate_limit  = 2500
}

run "managed_rules_and_rate_limit" {
  command = plan

  module {
    source = "../../modules/waf"
  }

  providers = {
    aws = aws.us_east_1
  }

  assert {
    condition     = aws_wafv2_web_acl.this.scope == "CLOUDFRONT"
    error_message = "The web ACL must have CLOUDFRONT scope."
  }

  assert {
    condition = toset(flatten([for r in aws_wafv2_web_acl.this.rule : [for s in r.statement : [for m in s.managed_rule_group_statement : m.name]]])) == toset([
      "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList",
    ])
    error_message = "The web ACL must use the Common, KnownBadInputs and AmazonIpReputationList managed rule groups."
  }

  assert {
    condition     = one(flatten([for r in aws_wafv2_web_acl.this.rule : [for s in r.statement : [for rb in s.rate_based_statement : rb.limit == 2500 && rb.aggregate_key_type == "IP" && length(r.action[0].block) == 1]]]))
    error_message = "The rate-based rule must block per IP at rate_limit."
  }

  assert {
    condition     = aws_wafv2_web_acl.this.visibility_config[0].cloudwatch_metrics_enabled && alltrue([for r in aws_wafv2_web_acl.this.rule : r.visibility_config[0].cloudwatch_metrics_enabled && r.visibility_config[0].sampled_requests_enabled])
    error_message = "The web ACL and every rule must publish CloudWatch metrics and sampled requests."
  }

  assert {
    condition     = length(aws_shield_protection.cdn) == 0
    error_message = "Shield Advanced must be off by default."
  }
}

run "shield_advanced_switch" {
  command = plan

  module {
    source = "../../modules/waf"
  }

  providers = {
    aws = aws.us_east_1
  }

  variables {
    enable_shield_advanced        = true
    shield_protected_resource_arn = "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"
  }

  assert {
    condition     = length(aws_shield_protection.cdn) == 1 && aws_shield_protection.cdn[0].resource_arn == var.shield_protected_resource_arn
    error_message = "enable_shield_advanced must protect the distribution."
  }
}

run "refuses_other_regions" {
  command = plan

  module {
    source = "../../modules/waf"
  }

  providers = {
    aws = aws
  }

  expect_failures = [aws_wafv2_web_acl.this]
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/waf"
  }

  providers = {
    aws = aws.us_east_1
  }

  variables {
    rate_limit             = 10
    enable_shield_advanced = true
  }

  expect_failures = [var.rate_limit, var.shield_protected_resource_arn]
}
