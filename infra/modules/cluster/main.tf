data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_default_tags" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  dns_suffix = data.aws_partition.current.dns_suffix

  log_group_name = "/aws/eks/${var.cluster_name}/cluster"

  # Tags the cluster autoscaler uses for auto-discovery of the node groups.
  autoscaler_tags = {
    "k8s.io/cluster-autoscaler/enabled"             = "true"
    "k8s.io/cluster-autoscaler/${var.cluster_name}" = "owned"
  }

  # Per node group: discovery tags plus node-template label hints, so the
  # autoscaler can scale a group up from zero for pods selecting those labels.
  asg_tags = merge([
    for ng_name, ng in var.node_groups : {
      for key, value in merge(
        local.autoscaler_tags,
        { for label, label_value in ng.labels : "k8s.io/cluster-autoscaler/node-template/label/${label}" => label_value },
      ) : "${ng_name}|${key}" => { node_group = ng_name, key = key, value = value }
    }
  ]...)

  addons_before_compute = { for name, addon in var.addons : name => addon if var.enable_addons && addon.before_compute }
  addons_after_compute  = { for name, addon in var.addons : name => addon if var.enable_addons && !addon.before_compute }

  # Default tags of the provider do not reach instances and volumes launched by
  # the node groups; copy them into the launch template.
  instance_tags = merge(data.aws_default_tags.current.tags, { "eks:cluster-name" = var.cluster_name })
}

# ---------------------------------------------------------------------------
# KMS key: Kubernetes secrets envelope encryption and control-plane logs
# ---------------------------------------------------------------------------

resource "aws_kms_key" "cluster" {
  description             = "${var.cluster_name} Kubernetes secrets and control-plane logs"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days

  policy = jsonencode({
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
        Sid       = "CloudWatchLogsControlPlaneLogGroup"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.${local.dns_suffix}" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          ArnEquals = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"
          }
        }
      },
    ]
  })

  tags = { Name = "${var.cluster_name}-secrets" }
}

resource "aws_kms_alias" "cluster" {
  name          = "alias/${var.cluster_name}-secrets"
  target_key_id = aws_kms_key.cluster.key_id
}

# Created before the cluster so retention and encryption are ours, not EKS defaults.
resource "aws_cloudwatch_log_group" "cluster" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.cluster.arn
}

# ---------------------------------------------------------------------------
# Control plane
# ---------------------------------------------------------------------------

resource "aws_iam_role" "cluster" {
  name        = "${var.cluster_name}-control-plane"
  description = "EKS control plane of ${var.cluster_name}."

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EksControlPlane"
      Effect    = "Allow"
      Principal = { Service = "eks.${local.dns_suffix}" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

# The control plane needs kms:Encrypt/Decrypt/DescribeKey/ListGrants on the
# secrets key; granted here explicitly instead of relying on broader policies.
resource "aws_iam_role_policy" "cluster_kms" {
  name = "secrets-encryption"
  role = aws_iam_role.cluster.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "EnvelopeEncryptionOfSecrets"
      Effect   = "Allow"
      Action   = ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:ListGrants"]
      Resource = aws_kms_key.cluster.arn
    }]
  })
}

resource "aws_eks_cluster" "this" {
  name     = var.cluster_name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  enabled_cluster_log_types = var.enabled_log_types

  # Networking, DNS and kube-proxy come from EKS managed add-ons below, so they
  # are versioned and upgraded through the EKS API.
  bootstrap_self_managed_addons = false

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.cluster.arn
    }
  }

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = var.endpoint_private_access
    endpoint_public_access  = var.endpoint_public_access
    public_access_cidrs     = var.endpoint_public_access ? var.public_access_cidrs : null
  }

  upgrade_policy {
    support_type = var.support_type
  }

  depends_on = [
    aws_iam_role_policy_attachment.cluster,
    aws_iam_role_policy.cluster_kms,
    aws_cloudwatch_log_group.cluster,
  ]
}

resource "aws_eks_access_entry" "admins" {
  for_each = toset(var.cluster_admin_principal_arns)

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
  type          = "STANDARD"
}

resource "aws_eks_access_policy_association" "admins" {
  for_each = toset(var.cluster_admin_principal_arns)

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
  policy_arn    = "arn:${local.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }

  depends_on = [aws_eks_access_entry.admins]
}

resource "aws_eks_addon" "before_compute" {
  for_each = local.addons_before_compute

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.version
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"
}

# ---------------------------------------------------------------------------
# Managed node groups (each one is an Auto Scaling group)
# ---------------------------------------------------------------------------

resource "aws_launch_template" "node" {
  for_each = var.node_groups

  name                   = "${var.cluster_name}-${each.key}"
  description            = "Nodes of ${var.cluster_name}/${each.key}: IMDSv2 only, encrypted root volume"
  update_default_version = true

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = var.metadata_hop_limit
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = each.value.disk_size_gib
      volume_type           = "gp3"
      encrypted             = true
      kms_key_id            = var.ebs_kms_key_arn
      delete_on_termination = true
    }
  }

  dynamic "tag_specifications" {
    for_each = toset(["instance", "volume", "network-interface"])

    content {
      resource_type = tag_specifications.value
      tags          = merge(local.instance_tags, { Name = "${var.cluster_name}-${each.key}" })
    }
  }

  tags = { Name = "${var.cluster_name}-${each.key}" }
}

resource "aws_eks_node_group" "this" {
  for_each = var.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.subnet_ids
  version         = aws_eks_cluster.this.version
  ami_type        = each.value.ami_type
  capacity_type   = each.value.capacity_type
  instance_types  = each.value.instance_types
  labels          = each.value.labels

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  scaling_config {
    min_size     = each.value.min_size
    max_size     = each.value.max_size
    desired_size = each.value.desired_size
  }

  update_config {
    max_unavailable_percentage = 33
  }

  tags = merge(local.autoscaler_tags, { Name = "${var.cluster_name}-${each.key}" })

  lifecycle {
    # The cluster autoscaler owns the desired size after creation.
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_eks_addon.before_compute]
}

# EKS only tags the node group, not its Auto Scaling group; the autoscaler
# discovers groups by ASG tags.
resource "aws_autoscaling_group_tag" "node_group" {
  for_each = var.manage_asg ? local.asg_tags : {}

  autoscaling_group_name = aws_eks_node_group.this[each.value.node_group].resources[0].autoscaling_groups[0].name

  tag {
    key                 = each.value.key
    value               = each.value.value
    propagate_at_launch = false
  }
}

# Group metrics (GroupInServiceInstances, ...) are free but off by default, and
# the EKS API cannot turn them on for managed node groups.
resource "terraform_data" "asg_metrics" {
  for_each = var.manage_asg ? var.node_groups : {}

  triggers_replace = [aws_eks_node_group.this[each.key].resources[0].autoscaling_groups[0].name]

  provisioner "local-exec" {
    command = "aws autoscaling enable-metrics-collection --auto-scaling-group-name \"$ASG_NAME\" --granularity 1Minute --region \"$AWS_REGION_NAME\""
    environment = {
      ASG_NAME        = aws_eks_node_group.this[each.key].resources[0].autoscaling_groups[0].name
      AWS_REGION_NAME = local.region
    }
  }
}

resource "aws_eks_addon" "after_compute" {
  for_each = local.addons_after_compute

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.version
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  # CoreDNS only becomes healthy once nodes can run its pods.
  depends_on = [aws_eks_node_group.this]
}
