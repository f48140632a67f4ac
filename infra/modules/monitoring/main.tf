data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  dns_suffix = data.aws_partition.current.dns_suffix

  # CloudWatch publishes alarm notifications to the encrypted topics, so it
  # must be able to use the topic keys.
  topic_key_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        # The key is dedicated to the alarm topic; CloudWatch needs it to publish.
        Sid       = "CloudWatchAlarmsPublish"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.${local.dns_suffix}" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      },
    ]
  })

  # Alarms below min only make sense for groups with a non-zero minimum.
  node_groups_with_min = { for name, ng in var.node_groups : name => ng if ng.min_size > 0 }
}

# ---------------------------------------------------------------------------
# Topics: one in the primary region, one in us-east-1 for the global metrics
# ---------------------------------------------------------------------------

resource "aws_kms_key" "alarms" {
  description             = "${var.name_prefix} alarm topic"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days
  policy                  = local.topic_key_policy

  tags = { Name = "${var.name_prefix}-alarms" }
}

resource "aws_kms_key" "alarms_us_east_1" {
  provider = aws.us_east_1

  description             = "${var.name_prefix} alarm topic (us-east-1, CloudFront and WAF alarms)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days
  policy                  = local.topic_key_policy

  tags = { Name = "${var.name_prefix}-alarms-global" }
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name_prefix}-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
}

resource "aws_sns_topic" "alarms_us_east_1" {
  provider = aws.us_east_1

  name              = "${var.name_prefix}-alarms-global"
  kms_master_key_id = aws_kms_key.alarms_us_east_1.arn
}

resource "aws_sns_topic_subscription" "email" {
  count = var.alarm_email == null ? 0 : 1

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_sns_topic_subscription" "email_us_east_1" {
  count    = var.alarm_email == null ? 0 : 1
  provider = aws.us_east_1

  topic_arn = aws_sns_topic.alarms_us_east_1.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

# ---------------------------------------------------------------------------
# CloudFront and WAF (metrics live in us-east-1)
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "cloudfront_5xx" {
  provider = aws.us_east_1

  alarm_name          = "${var.name_prefix}-cloudfront-5xx-error-rate"
  alarm_description   = "More than ${var.cloudfront_5xx_error_rate_threshold}% of viewer requests to ${var.cloudfront_distribution_id} end in a 5xx (origin, OAC/KMS permissions or bucket policy problem)."
  namespace           = "AWS/CloudFront"
  metric_name         = "5xxErrorRate"
  dimensions          = { DistributionId = var.cloudfront_distribution_id, Region = "Global" }
  statistic           = "Average"
  period              = var.alarm_period_seconds
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.cloudfront_5xx_error_rate_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms_us_east_1.arn]
  ok_actions          = [aws_sns_topic.alarms_us_east_1.arn]
}

resource "aws_cloudwatch_metric_alarm" "waf_blocked_requests" {
  provider = aws.us_east_1

  alarm_name          = "${var.name_prefix}-waf-blocked-requests"
  alarm_description   = "The ${var.web_acl_name} web ACL blocked more than ${var.waf_blocked_requests_threshold} requests in ${var.alarm_period_seconds} s: an attack, or a rule blocking real viewers."
  namespace           = "AWS/WAFV2"
  metric_name         = "BlockedRequests"
  dimensions          = { WebACL = var.web_acl_name, Rule = "ALL" }
  statistic           = "Sum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.waf_blocked_requests_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms_us_east_1.arn]
  ok_actions          = [aws_sns_topic.alarms_us_east_1.arn]
}

# ---------------------------------------------------------------------------
# Primary region: replication, node capacity, VPN
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "replication_latency" {
  count = var.replication == null ? 0 : 1

  alarm_name        = "${var.name_prefix}-s3-replication-latency"
  alarm_description = "Objects of ${var.replication.source_bucket} take more than ${var.replication_latency_threshold_seconds} s to reach ${var.replication.destination_bucket}."
  namespace         = "AWS/S3"
  metric_name       = "ReplicationLatency"
  dimensions = {
    SourceBucket      = var.replication.source_bucket
    DestinationBucket = var.replication.destination_bucket
    RuleId            = var.replication.rule_id
  }
  statistic           = "Maximum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.replication_latency_threshold_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "node_group_below_min" {
  for_each = local.node_groups_with_min

  alarm_name          = "${var.name_prefix}-nodegroup-${each.key}-below-min"
  alarm_description   = "Node group ${each.key} has fewer than ${each.value.min_size} in-service instances (launch failures, capacity or quota)."
  namespace           = "AWS/AutoScaling"
  metric_name         = "GroupInServiceInstances"
  dimensions          = { AutoScalingGroupName = each.value.autoscaling_group_name }
  statistic           = "Minimum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 3
  comparison_operator = "LessThanThreshold"
  threshold           = each.value.min_size
  # Missing data means group metrics are not collected: visible as INSUFFICIENT_DATA.
  treat_missing_data = "missing"
  alarm_actions      = [aws_sns_topic.alarms.arn]
  ok_actions         = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "node_group_at_max" {
  for_each = var.node_groups

  alarm_name          = "${var.name_prefix}-nodegroup-${each.key}-at-max"
  alarm_description   = "Node group ${each.key} has run at its maximum of ${each.value.max_size} instances for the whole evaluation window: the cluster autoscaler cannot add capacity."
  namespace           = "AWS/AutoScaling"
  metric_name         = "GroupInServiceInstances"
  dimensions          = { AutoScalingGroupName = each.value.autoscaling_group_name }
  statistic           = "Minimum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 6
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = each.value.max_size
  treat_missing_data  = "missing"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "vpn_tunnels_down" {
  count = var.vpn == null ? 0 : 1

  alarm_name          = "${var.name_prefix}-vpn-tunnels-down"
  alarm_description   = "Both tunnels of ${var.vpn.connection_id} are down: pods cannot reach MongoDB on premises."
  namespace           = "AWS/VPN"
  metric_name         = "TunnelState"
  dimensions          = { VpnId = var.vpn.connection_id }
  statistic           = "Maximum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 2
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}
