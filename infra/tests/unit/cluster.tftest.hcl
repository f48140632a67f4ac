# Cluster module: EKS control plane, node groups, launch template, add-ons.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

variables {
  name_prefix   = "streamingapp-test"
  cluster_name  = "streamingapp-test-eks"
  subnet_ids    = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  node_role_arn = "arn:aws:iam::123456789012:role/streamingapp-test-eks-node"
  node_groups = {
    general   = { instance_types = ["m6i.large"], min_size = 2, max_size = 5, desired_size = 3 }
    transcode = { instance_types = ["c6i.2xlarge"], capacity_type = "SPOT", min_size = 0, max_size = 4, desired_size = 0, labels = { workload = "transcode" } }
  }
  # The ASG tagging / metrics helper runs the AWS CLI; it is planned (see
  # asg_management_is_planned) but never applied in unit tests.
  manage_asg = false
}

run "secure_cluster" {
  command = plan

  module {
    source = "../../modules/cluster"
  }

  assert {
    condition = alltrue([
      aws_eks_cluster.this.encryption_config[0].resources == toset(["secrets"]),
      aws_eks_cluster.this.encryption_config[0].provider[0].key_arn == aws_kms_key.cluster.arn,
    ])
    error_message = "Kubernetes secrets must be envelope-encrypted with the cluster KMS key."
  }

  assert {
    condition     = aws_kms_key.cluster.enable_key_rotation
    error_message = "The cluster KMS key must have automatic rotation enabled."
  }

  assert {
    condition     = aws_eks_cluster.this.enabled_cluster_log_types == toset(["api", "audit", "authenticator", "controllerManager", "scheduler"])
    error_message = "All five control-plane log types must be enabled."
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_private_access && !aws_eks_cluster.this.vpc_config[0].endpoint_public_access
    error_message = "By default the API endpoint must be private only."
  }

  assert {
    condition     = aws_eks_cluster.this.access_config[0].authentication_mode == "API"
    error_message = "The cluster must use access entries (authentication mode API)."
  }

  assert {
    condition = alltrue([for name, ng in var.node_groups :
      aws_eks_node_group.this[name].scaling_config[0].min_size == ng.min_size &&
      aws_eks_node_group.this[name].scaling_config[0].max_size == ng.max_size &&
    aws_eks_node_group.this[name].scaling_config[0].desired_size == ng.desired_size])
    error_message = "Every node group must use the min/max/desired sizes of its variable."
  }

  assert {
    condition = alltrue([for lt in aws_launch_template.node :
    lt.metadata_options[0].http_tokens == "required" && lt.metadata_options[0].http_put_response_hop_limit == 1 && lt.metadata_options[0].http_endpoint == "enabled"])
    error_message = "Launch templates must require IMDSv2 with a hop limit of 1."
  }

  assert {
    condition     = alltrue([for lt in aws_launch_template.node : alltrue([for bdm in lt.block_device_mappings : bdm.ebs[0].encrypted == "true"])])
    error_message = "Node root volumes must be encrypted."
  }

  assert {
    condition = alltrue([for ng in aws_eks_node_group.this :
    ng.tags["k8s.io/cluster-autoscaler/enabled"] == "true" && ng.tags["k8s.io/cluster-autoscaler/streamingapp-test-eks"] == "owned"])
    error_message = "Node groups must carry the cluster-autoscaler discovery tags."
  }

  assert {
    condition     = alltrue([for name, ng in aws_eks_node_group.this : ng.launch_template[0].id == aws_launch_template.node[name].id])
    error_message = "Every node group must use its hardened launch template."
  }

  assert {
    condition     = toset(concat(keys(aws_eks_addon.before_compute), keys(aws_eks_addon.after_compute))) == toset(["vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"]) && contains(keys(aws_eks_addon.after_compute), "coredns")
    error_message = "vpc-cni, kube-proxy and eks-pod-identity-agent must be installed before the nodes, coredns after them."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.cluster_kms.policy).Statement :
    !contains(flatten([s.Action]), "*") && !contains(flatten([s.Resource]), "*")])
    error_message = "The control-plane role policy must not use * actions or * resources."
  }
}

run "asg_management_is_planned" {
  command = plan

  module {
    source = "../../modules/cluster"
  }

  variables {
    manage_asg             = true
    endpoint_public_access = true
    public_access_cidrs    = ["203.0.113.10/32"]
  }

  assert {
    condition = alltrue([
      aws_autoscaling_group_tag.node_group["general|k8s.io/cluster-autoscaler/enabled"].tag[0].value == "true",
      aws_autoscaling_group_tag.node_group["general|k8s.io/cluster-autoscaler/streamingapp-test-eks"].tag[0].value == "owned",
      aws_autoscaling_group_tag.node_group["transcode|k8s.io/cluster-autoscaler/node-template/label/workload"].tag[0].value == "transcode",
      length(terraform_data.asg_metrics) == 2,
    ])
    error_message = "The Auto Scaling groups must get the autoscaler tags (incl. scale-from-zero label hints) and group metrics collection."
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].public_access_cidrs == toset(["203.0.113.10/32"])
    error_message = "A public endpoint must be limited to public_access_cidrs."
  }
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/cluster"
  }

  variables {
    node_groups = {
      general = { instance_types = ["m6i.large"], min_size = 5, max_size = 2, desired_size = 3 }
    }
    endpoint_public_access = true
    public_access_cidrs    = ["0.0.0.0/0"]
    metadata_hop_limit     = 3
    kubernetes_version     = "1.2"
  }

  expect_failures = [var.node_groups, var.public_access_cidrs, var.metadata_hop_limit, var.kubernetes_version]
}
