# Monitoring module: encrypted topics and alarms.

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

  mock_resource "aws_sns_topic" {
    defaults = {
      arn = "arn:aws:sns:us-east-1:123456789012:streamingapp-test-alarms-global"
    }
  }
}

variables {
  name_prefix                = "streamingapp-test"
  alarm_email                = "oncall@streamingapp.example"
  cloudfront_distribution_id = "EDFDVBD6EXAMPLE"
  web_acl_name               = "streamingapp-test-cdn"
  replication = {
    source_bucket      = "streamingapp-test-videos-123456789012"
    destination_bucket = "streamingapp-test-videos-replica-123456789012"
    rule_id            = "replicate-everything"
  }
  node_groups = {
    general   = { autoscaling_group_name = "eks-general-0123", min_size = 2, max_size = 5 }
    transcode = { autoscaling_group_name = "eks-transcode-0456", min_size = 0, max_size = 4 }
  }
  vpn = { connection_id = "vpn-0123456789abcdef0" }
}

run "alarms" {
  command = plan

  module {
    source = "../../modules/monitoring"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  assert {
    condition     = aws_sns_topic.alarms.kms_master_key_id == aws_kms_key.alarms.arn && aws_sns_topic.alarms_us_east_1.kms_master_key_id == aws_kms_key.alarms_us_east_1.arn
    error_message = "Both alarm topics must be encrypted with their customer managed keys."
  }

  assert {
    condition     = aws_kms_key.alarms.enable_key_rotation && aws_kms_key.alarms_us_east_1.enable_key_rotation
    error_message = "The topic KMS keys must have automatic rotation enabled."
  }

  assert {
    condition     = aws_sns_topic_subscription.email[0].protocol == "email" && aws_sns_topic_subscription.email[0].endpoint == var.alarm_email && length(aws_sns_topic_subscription.email_us_east_1) == 1
    error_message = "alarm_email must be subscribed to both topics."
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.cloudfront_5xx.namespace == "AWS/CloudFront",
      aws_cloudwatch_metric_alarm.cloudfront_5xx.metric_name == "5xxErrorRate",
      aws_cloudwatch_metric_alarm.cloudfront_5xx.dimensions == tomap({ DistributionId = "EDFDVBD6EXAMPLE", Region = "Global" }),
      aws_cloudwatch_metric_alarm.cloudfront_5xx.alarm_actions == toset([aws_sns_topic.alarms_us_east_1.arn]),
    ])
    error_message = "The CloudFront alarm must watch 5xxErrorRate (Region=Global) and notify the us-east-1 topic."
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.waf_blocked_requests.namespace == "AWS/WAFV2",
      aws_cloudwatch_metric_alarm.waf_blocked_requests.metric_name == "BlockedRequests",
      aws_cloudwatch_metric_alarm.waf_blocked_requests.dimensions["WebACL"] == "streamingapp-test-cdn",
    ])
    error_message = "The WAF alarm must watch BlockedRequests of the web ACL."
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.replication_latency[0].namespace == "AWS/S3",
      aws_cloudwatch_metric_alarm.replication_latency[0].metric_name == "ReplicationLatency",
      aws_cloudwatch_metric_alarm.replication_latency[0].dimensions == tomap({
        SourceBucket      = "streamingapp-test-videos-123456789012"
        DestinationBucket = "streamingapp-test-videos-replica-123456789012"
        RuleId            = "replicate-everything"
      }),
    ])
    error_message = "The replication alarm must watch ReplicationLatency of the replication rule."
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.node_group_below_min["general"].metric_name == "GroupInServiceInstances",
      aws_cloudwatch_metric_alarm.node_group_below_min["general"].threshold == 2,
      aws_cloudwatch_metric_alarm.node_group_below_min["general"].comparison_operator == "LessThanThreshold",
      !contains(keys(aws_cloudwatch_metric_alarm.node_group_below_min), "transcode"),
    ])
    error_message = "A below-minimum alarm must exist for every node group with min_size > 0, at min_size."
  }

  assert {
    condition = alltrue([for name, ng in var.node_groups :
      aws_cloudwatch_metric_alarm.node_group_at_max[name].threshold == ng.max_size &&
    aws_cloudwatch_metric_alarm.node_group_at_max[name].dimensions["AutoScalingGroupName"] == ng.autoscaling_group_name])
    error_message = "Every node group must have an at-maximum alarm on its Auto Scaling group."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.vpn_tunnels_down[0].dimensions["VpnId"] == "vpn-0123456789abcdef0"
    error_message = "The VPN tunnel alarm must watch the VPN connection."
  }
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/monitoring"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  variables {
    alarm_email                         = "not-an-address"
    cloudfront_5xx_error_rate_threshold = 0
    node_groups = {
      general = { autoscaling_group_name = "eks-general-0123", min_size = 3, max_size = 2 }
    }
  }

  expect_failures = [var.alarm_email, var.cloudfront_5xx_error_rate_threshold, var.node_groups]
}
