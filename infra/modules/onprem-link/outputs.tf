output "secret_arns" {
  description = "ARNs of the application secrets by name (values are put by the operator with the AWS CLI)."
  value       = { for name, secret in aws_secretsmanager_secret.this : name => secret.arn }
}

output "secret_names" {
  description = "Full names of the application secrets by short name (for `aws secretsmanager put-secret-value --secret-id`)."
  value       = { for name, secret in aws_secretsmanager_secret.this : name => secret.name }
}

output "secrets_kms_key_arn" {
  description = "ARN of the KMS key encrypting the application secrets."
  value       = aws_kms_key.secrets.arn
}

output "vpn_connection_id" {
  description = "ID of the VPN connection (null without VPN)."
  value       = var.enable_vpn ? aws_vpn_connection.onprem[0].id : null
}

output "vpn_tunnel_addresses" {
  description = "Public addresses of the two AWS tunnel endpoints to configure on the operator's device (empty without VPN). Download the device configuration from the console or `aws ec2 get-vpn-connection-device-sample-configuration`."
  value       = var.enable_vpn ? [aws_vpn_connection.onprem[0].tunnel1_address, aws_vpn_connection.onprem[0].tunnel2_address] : []
}

output "vpn_gateway_id" {
  description = "ID of the virtual private gateway attached to the VPC (null without VPN)."
  value       = var.enable_vpn ? aws_vpn_gateway.this[0].id : null
}
