output "alarm_topic_arn" {
  description = "ARN of the alarm topic in the primary region."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_topic_us_east_1_arn" {
  description = "ARN of the alarm topic in us-east-1 (CloudFront and WAF alarms)."
  value       = aws_sns_topic.alarms_us_east_1.arn
}

output "alarm_names" {
  description = "Names of all alarms created."
  value = concat(
    [aws_cloudwatch_metric_alarm.cloudfront_5xx.alarm_name, aws_cloudwatch_metric_alarm.waf_blocked_requests.alarm_name],
    aws_cloudwatch_metric_alarm.replication_latency[*].alarm_name,
    [for alarm in aws_cloudwatch_metric_alarm.node_group_below_min : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.node_group_at_max : alarm.alarm_name],
    aws_cloudwatch_metric_alarm.vpn_tunnels_down[*].alarm_name,
  )
}
