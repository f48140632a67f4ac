# IAM module: Pod Identity roles per workload and the node role.

mock_provider "aws" {
  source          = "./mocks"
  override_during = plan
}

variables {
  name_prefix       = "streamingapp-test"
  cluster_name      = "streamingapp-test-eks"
  video_bucket_arn  = "arn:aws:s3:::streamingapp-test-videos-123456789012"
  video_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  secrets = {
    mongodb_connection_string_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:streamingapp-test/mongodb-connection-string-AbCdEf"
    cloudfront_signing_key_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:streamingapp-test/cloudfront-signing-key-GhIjKl"
    kms_key_arn                   = "arn:aws:kms:eu-west-1:123456789012:key/9999abcd-12ab-34cd-56ef-1234567890ab"
  }
  ecr_repository_arns = [
    "arn:aws:ecr:eu-west-1:123456789012:repository/streamingapp-test/api",
    "arn:aws:ecr:eu-west-1:123456789012:repository/streamingapp-test/auth",
    "arn:aws:ecr:eu-west-1:123456789012:repository/streamingapp-test/frontend",
  ]
}

run "least_privilege" {
  command = plan

  module {
    source = "../../modules/iam"
  }

  assert {
    condition = alltrue(flatten([for p in aws_iam_role_policy.workload : [for s in jsondecode(p.policy).Statement :
    [for a in flatten([s.Action]) : a != "*" && !endswith(a, ":*")]]]))
    error_message = "No workload statement may grant * or service-wide (service:*) actions."
  }

  assert {
    condition = alltrue(flatten([for p in aws_iam_role_policy.workload : [for s in jsondecode(p.policy).Statement :
    !contains(flatten([s.Resource]), "*") || flatten([s.Action]) == ["ecr:GetAuthorizationToken"]]]))
    error_message = "Resource \"*\" is only allowed for ecr:GetAuthorizationToken (it has no resource-level permissions); data resources must be named."
  }

  assert {
    condition = alltrue(flatten([for s in jsondecode(aws_iam_role_policy.workload["api"].policy).Statement :
      [for r in flatten([s.Resource]) : contains([
        "arn:aws:s3:::streamingapp-test-videos-123456789012/sources/*",
        "arn:aws:s3:::streamingapp-test-videos-123456789012/media/*",
        "arn:aws:s3:::streamingapp-test-videos-123456789012",
      ], r)]
    if startswith(flatten([s.Action])[0], "s3:")]))
    error_message = "The Api may only touch the sources/ and media/ prefixes of its bucket."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.workload["worker"].policy).Statement :
      (contains(flatten([s.Action]), "s3:GetObject") ? flatten([s.Resource]) == ["arn:aws:s3:::streamingapp-test-videos-123456789012/sources/*"] : true) &&
      (contains(flatten([s.Action]), "s3:PutObject") ? flatten([s.Resource]) == ["arn:aws:s3:::streamingapp-test-videos-123456789012/media/*"] : true)
    ])
    error_message = "The worker may only read sources/ and write media/."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.workload["backup"].policy).Statement :
      alltrue([for a in flatten([s.Action]) : contains(["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], a)]) &&
      flatten([s.Resource]) == ["arn:aws:s3:::streamingapp-test-videos-123456789012/backups/*"]
    if startswith(flatten([s.Action])[0], "s3:")])
    error_message = "The backup job must be write-only on backups/ (no read, list or delete)."
  }

  assert {
    condition = toset(flatten([for s in jsondecode(aws_iam_role_policy.workload["api"].policy).Statement : flatten([s.Resource]) if contains(flatten([s.Action]), "secretsmanager:GetSecretValue")])) == toset([
      var.secrets.mongodb_connection_string_arn, var.secrets.cloudfront_signing_key_arn,
    ])
    error_message = "The Api must read exactly the MongoDB and CloudFront signing key secrets."
  }

  assert {
    condition = alltrue([for role in aws_iam_role.workload :
      jsondecode(role.assume_role_policy).Statement[0].Principal.Service == "pods.eks.amazonaws.com" &&
    toset(jsondecode(role.assume_role_policy).Statement[0].Action) == toset(["sts:AssumeRole", "sts:TagSession"])])
    error_message = "Workload roles must trust only EKS Pod Identity (sts:AssumeRole + sts:TagSession)."
  }

  assert {
    condition = alltrue([for name, sa in var.service_accounts :
      jsondecode(aws_iam_role.workload[name].assume_role_policy).Statement[0].Condition.StringEquals == {
        "aws:RequestTag/eks-cluster-name"           = var.cluster_name
        "aws:RequestTag/kubernetes-namespace"       = sa.namespace
        "aws:RequestTag/kubernetes-service-account" = sa.service_account
    }])
    error_message = "Each workload role may only be assumed for its own namespace/service account on this cluster (Pod Identity session tags)."
  }

  assert {
    condition = alltrue([for name, sa in var.service_accounts :
      aws_eks_pod_identity_association.workload[name].namespace == sa.namespace &&
      aws_eks_pod_identity_association.workload[name].service_account == sa.service_account &&
    aws_eks_pod_identity_association.workload[name].role_arn == aws_iam_role.workload[name].arn])
    error_message = "Each workload role must be associated with its namespace/service account through Pod Identity."
  }

  assert {
    condition = toset([for a in aws_iam_role_policy_attachment.node : a.policy_arn]) == toset([
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
    ])
    error_message = "The node role must have exactly the worker node, CNI and ECR read-only managed policies."
  }
}

run "rejects_invalid_inputs" {
  command = plan

  module {
    source = "../../modules/iam"
  }

  variables {
    service_accounts = {
      api = { namespace = "Streaming_App", service_account = "api" }
    }
    video_bucket_arn    = "arn:aws:s3:::*"
    ecr_repository_arns = []
  }

  expect_failures = [var.service_accounts, var.video_bucket_arn, var.ecr_repository_arns]
}
