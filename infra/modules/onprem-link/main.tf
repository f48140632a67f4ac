data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  vpn_count = var.enable_vpn ? 1 : 0

  # Every (private route table, on-premises CIDR) pair gets a route to the VGW.
  onprem_routes = var.enable_vpn ? {
    for pair in setproduct(keys(var.private_route_table_ids), var.onprem_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = var.private_route_table_ids[pair[0]], cidr = pair[1] }
  } : {}

  # Tunnel crypto: IKEv2 with AES-256/SHA-256 and DH group 14+ only; the
  # operator's device must offer the same (see docs/infrastructure.md).
  tunnel = {
    ike_versions                 = ["ikev2"]
    phase1_encryption_algorithms = ["AES256", "AES256-GCM-16"]
    phase1_integrity_algorithms  = ["SHA2-256", "SHA2-384", "SHA2-512"]
    phase1_dh_group_numbers      = [14, 19, 20, 21]
    phase2_encryption_algorithms = ["AES256", "AES256-GCM-16"]
    phase2_integrity_algorithms  = ["SHA2-256", "SHA2-384", "SHA2-512"]
    phase2_dh_group_numbers      = [14, 19, 20, 21]
  }
}

# ---------------------------------------------------------------------------
# Application secrets (values are never set by Terraform)
# ---------------------------------------------------------------------------

resource "aws_kms_key" "secrets" {
  description             = "${var.name_prefix} application secrets (Secrets Manager)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })

  tags = { Name = "${var.name_prefix}-secrets" }
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${var.name_prefix}-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

# No aws_secretsmanager_secret_version on purpose: a value set here would be
# written to the Terraform state.
resource "aws_secretsmanager_secret" "this" {
  for_each = var.secrets

  name                    = "${var.name_prefix}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.secret_recovery_window_days
}

# ---------------------------------------------------------------------------
# Site-to-Site VPN (optional)
# ---------------------------------------------------------------------------

resource "aws_customer_gateway" "onprem" {
  count = local.vpn_count

  type        = "ipsec.1"
  ip_address  = var.customer_gateway_ip
  bgp_asn     = var.customer_gateway_bgp_asn
  device_name = "${var.name_prefix}-operator"

  tags = { Name = "${var.name_prefix}-operator" }
}

resource "aws_vpn_gateway" "this" {
  count = local.vpn_count

  vpc_id          = var.vpc_id
  amazon_side_asn = var.amazon_side_asn

  tags = { Name = "${var.name_prefix}-vgw" }
}

resource "aws_vpn_connection" "onprem" {
  count = local.vpn_count

  type                = "ipsec.1"
  vpn_gateway_id      = aws_vpn_gateway.this[0].id
  customer_gateway_id = aws_customer_gateway.onprem[0].id
  static_routes_only  = true

  # AWS generates the tunnel pre-shared keys and keeps them in Secrets Manager,
  # so they never appear in the Terraform state.
  preshared_key_storage = "SecretsManager"

  tunnel1_ike_versions                 = local.tunnel.ike_versions
  tunnel1_phase1_encryption_algorithms = local.tunnel.phase1_encryption_algorithms
  tunnel1_phase1_integrity_algorithms  = local.tunnel.phase1_integrity_algorithms
  tunnel1_phase1_dh_group_numbers      = local.tunnel.phase1_dh_group_numbers
  tunnel1_phase2_encryption_algorithms = local.tunnel.phase2_encryption_algorithms
  tunnel1_phase2_integrity_algorithms  = local.tunnel.phase2_integrity_algorithms
  tunnel1_phase2_dh_group_numbers      = local.tunnel.phase2_dh_group_numbers

  tunnel2_ike_versions                 = local.tunnel.ike_versions
  tunnel2_phase1_encryption_algorithms = local.tunnel.phase1_encryption_algorithms
  tunnel2_phase1_integrity_algorithms  = local.tunnel.phase1_integrity_algorithms
  tunnel2_phase1_dh_group_numbers      = local.tunnel.phase1_dh_group_numbers
  tunnel2_phase2_encryption_algorithms = local.tunnel.phase2_encryption_algorithms
  tunnel2_phase2_integrity_algorithms  = local.tunnel.phase2_integrity_algorithms
  tunnel2_phase2_dh_group_numbers      = local.tunnel.phase2_dh_group_numbers

  tags = { Name = "${var.name_prefix}-operator" }
}

resource "aws_vpn_connection_route" "onprem" {
  for_each = var.enable_vpn ? toset(var.onprem_cidrs) : toset([])

  vpn_connection_id      = aws_vpn_connection.onprem[0].id
  destination_cidr_block = each.value
}

resource "aws_route" "onprem" {
  for_each = local.onprem_routes

  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.cidr
  gateway_id             = aws_vpn_gateway.this[0].id
}
