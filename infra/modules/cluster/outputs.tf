output "cluster_name" {
  description = "Name of the EKS cluster (available once the cluster exists, so dependants wait for it)."
  value       = aws_eks_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = aws_eks_cluster.this.arn
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64 CA bundle of the Kubernetes API (for kubeconfig)."
  value       = aws_eks_cluster.this.certificate_authority[0].data
}

output "cluster_security_group_id" {
  description = "Security group EKS created for the control plane and managed nodes."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting Kubernetes secrets and the control-plane logs."
  value       = aws_kms_key.cluster.arn
}

output "node_groups" {
  description = "Node groups by name: underlying Auto Scaling group name and size bounds (input of the capacity alarms)."
  value = {
    for name, ng in aws_eks_node_group.this : name => {
      autoscaling_group_name = try(ng.resources[0].autoscaling_groups[0].name, null)
      min_size               = ng.scaling_config[0].min_size
      max_size               = ng.scaling_config[0].max_size
    }
  }
}

output "launch_template_ids" {
  description = "Launch template IDs by node group."
  value       = { for name, lt in aws_launch_template.node : name => lt.id }
}
