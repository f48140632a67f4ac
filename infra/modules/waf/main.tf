data "aws_region" "current" {}

locals {
  metric_prefix = replace(var.name_prefix, "-", "")
}

resource "aws_wafv2_web_acl" "this" {
  name        = "${var.name_prefix}-cdn"
  description = "Protects the ${var.name_prefix} CloudFront distribution"
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "rate-limit-per-ip"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = var.rate_limit
        evaluation_window_sec = var.rate_limit_window_seconds
        aggregate_key_type    = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.metric_prefix}RateLimitPerIp"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = var.managed_rule_groups

    content {
      name     = rule.key
      priority = rule.value.priority

      override_action {
        dynamic "none" {
          for_each = rule.value.count_only ? [] : [1]
          content {}
        }
        dynamic "count" {
          for_each = rule.value.count_only ? [1] : []
          content {}
        }
      }

      statement {
        managed_rule_group_statement {
          vendor_name = "AWS"
          name        = rule.key
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.metric_prefix}${rule.key}"
        sampled_requests_enabled   = true
      }
    }
  }

  # The web ACL metric name equals the web ACL name, so the WebACL dimension of
  # the AWS/WAFV2 metrics is the same whichever of the two a dashboard expects.
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name_prefix}-cdn"
    sampled_requests_enabled   = true
  }

  lifecycle {
    precondition {
      condition     = data.aws_region.current.name == "us-east-1"
      error_message = "A CLOUDFRONT-scoped web ACL must be created in us-east-1: pass a us-east-1 provider to this module."
    }
  }
}

resource "aws_shield_protection" "cdn" {
  count = var.enable_shield_advanced ? 1 : 0

  name         = "${var.name_prefix}-cdn"
  resource_arn = var.shield_protected_resource_arn
}
