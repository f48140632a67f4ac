output "distribution_id" {
  description = "ID of the CloudFront distribution (invalidations, 5xxErrorRate alarm dimension)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the distribution; the storage module puts it in the bucket and KMS key policies (aws:SourceArn)."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "*.cloudfront.net domain name of the distribution (CNAME target for the aliases)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "Route 53 hosted zone ID of CloudFront, for alias records."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "key_group_id" {
  description = "ID of the key group trusted by every cache behavior."
  value       = aws_cloudfront_key_group.signers.id
}

output "public_key_ids" {
  description = "CloudFront public key IDs by key name. The ID is the Key-Pair-Id the Api puts in signed URLs; store it with the private key in Secrets Manager."
  value       = { for name, key in aws_cloudfront_public_key.signers : name => key.id }
}

output "effective_minimum_protocol_version" {
  description = "TLS security policy viewers actually get: minimum_protocol_version with a custom certificate, TLSv1 with the default *.cloudfront.net certificate."
  value       = local.effective_minimum_protocol_version
}

output "log_bucket_id" {
  description = "Name of the access log bucket (null when logging is off)."
  value       = var.enable_logging ? aws_s3_bucket.logs[0].id : null
}
