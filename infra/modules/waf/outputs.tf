output "web_acl_arn" {
  description = "ARN of the web ACL; CloudFront takes it as web_acl_id."
  value       = aws_wafv2_web_acl.this.arn
}

output "web_acl_name" {
  description = "Name of the web ACL, the WebACL dimension of the AWS/WAFV2 metrics."
  value       = aws_wafv2_web_acl.this.name
}

output "shield_protection_id" {
  description = "ID of the Shield Advanced protection, or null when Shield Advanced is off."
  value       = var.enable_shield_advanced ? aws_shield_protection.cdn[0].id : null
}
