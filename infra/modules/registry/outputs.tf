output "repository_urls" {
  description = "Repository URLs by service (push targets of CI, image references in the manifests)."
  value       = { for name, repo in aws_ecr_repository.this : name => repo.repository_url }
}

output "repository_arns" {
  description = "Repository ARNs by service (Flux image automation read access)."
  value       = { for name, repo in aws_ecr_repository.this : name => repo.arn }
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the repositories."
  value       = aws_kms_key.registry.arn
}
