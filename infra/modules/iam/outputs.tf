output "node_role_arn" {
  description = "ARN of the node role; available only once its managed policies are attached, so node groups created from it can join the cluster."
  value       = aws_iam_role.node.arn

  depends_on = [aws_iam_role_policy_attachment.node]
}

output "node_role_name" {
  description = "Name of the node role."
  value       = aws_iam_role.node.name
}

output "workload_role_arns" {
  description = "Pod Identity role ARN of each workload (api, worker, backup, flux_image_automation)."
  value       = { for name, role in aws_iam_role.workload : name => role.arn }
}

output "workload_policies" {
  description = "Policy document (JSON) of each workload role, for review."
  value       = { for name, policy in aws_iam_role_policy.workload : name => policy.policy }
}
