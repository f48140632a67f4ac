data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  dns_suffix = data.aws_partition.current.dns_suffix

  bucket  = var.video_bucket_arn
  sources = var.bucket_prefixes.sources
  media   = var.bucket_prefixes.media
  backups = var.bucket_prefixes.backups

  # --- statement building blocks -------------------------------------------

  # SSE-KMS with a bucket key: S3 calls KMS on behalf of the caller.
  video_key_via_s3 = {
    Sid       = "UseVideoBucketKeyThroughS3"
    Effect    = "Allow"
    Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
    Resource  = var.video_kms_key_arn
    Condition = { StringEquals = { "kms:ViaService" = "s3.${local.region}.${local.dns_suffix}" } }
  }

  read_secrets = {
    for name, arns in {
      api    = [var.secrets.mongodb_connection_string_arn, var.secrets.cloudfront_signing_key_arn]
      worker = [var.secrets.mongodb_connection_string_arn]
      backup = [var.secrets.mongodb_connection_string_arn]
      } : name => [
      {
        Sid      = "ReadApplicationSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = arns
      },
      {
        Sid       = "DecryptApplicationSecrets"
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = var.secrets.kms_key_arn
        Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${local.region}.${local.dns_suffix}" } }
      },
    ]
  }

  # --- one policy per workload ---------------------------------------------

  workload_statements = {
    api = concat([
      {
        Sid    = "ReadWriteSourcesAndMedia"
        Effect = "Allow"
        Action = [
          "s3:GetObject",
          "s3:PutObject",
          "s3:DeleteObject",
          "s3:AbortMultipartUpload",
          "s3:ListMultipartUploadParts",
        ]
        Resource = ["${local.bucket}/${local.sources}*", "${local.bucket}/${local.media}*"]
      },
      {
        Sid       = "ListSourcesAndMedia"
        Effect    = "Allow"
        Action    = "s3:ListBucket"
        Resource  = local.bucket
        Condition = { StringLike = { "s3:prefix" = ["${local.sources}*", "${local.media}*"] } }
      },
      local.video_key_via_s3,
    ], local.read_secrets.api)

    worker = concat([
      {
        Sid      = "ReadSources"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "${local.bucket}/${local.sources}*"
      },
      {
        Sid      = "WriteMedia"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
        Resource = "${local.bucket}/${local.media}*"
      },
      {
        Sid       = "ListSourcesAndMedia"
        Effect    = "Allow"
        Action    = "s3:ListBucket"
        Resource  = local.bucket
        Condition = { StringLike = { "s3:prefix" = ["${local.sources}*", "${local.media}*"] } }
      },
      local.video_key_via_s3,
    ], local.read_secrets.worker)

    # Write-only: the job can add dumps but neither read, list nor delete them.
    # kms:Decrypt is still required to complete SSE-KMS multipart uploads.
    backup = concat([
      {
        Sid      = "WriteBackupsOnly"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
        Resource = "${local.bucket}/${local.backups}*"
      },
      local.video_key_via_s3,
    ], local.read_secrets.backup)

    flux_image_automation = [
      {
        # ecr:GetAuthorizationToken does not support resource-level permissions:
        # it returns a registry login token and grants no access to data by itself.
        # This is the only statement with Resource "*".
        Sid      = "EcrLoginToken"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "ReadImageMetadataAndLayers"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
          "ecr:DescribeImages",
          "ecr:ListImages",
          "ecr:DescribeRepositories",
        ]
        Resource = var.ecr_repository_arns
      },
    ]
  }

  role_names = {
    api                   = "${var.name_prefix}-api"
    worker                = "${var.name_prefix}-worker"
    backup                = "${var.name_prefix}-backup-job"
    flux_image_automation = "${var.name_prefix}-flux-image-automation"
  }

  node_managed_policies = toset([
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryReadOnly",
  ])
}

# ---------------------------------------------------------------------------
# Workload roles (EKS Pod Identity)
# ---------------------------------------------------------------------------

resource "aws_iam_role" "workload" {
  for_each = var.service_accounts

  name        = local.role_names[each.key]
  description = "Pod Identity role of ${each.value.namespace}/${each.value.service_account} on ${var.cluster_name}."

  # EKS Pod Identity tags the session with the cluster, namespace and service
  # account: only this workload's service account on this cluster can assume it.
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EksPodIdentity"
      Effect    = "Allow"
      Principal = { Service = "pods.eks.${local.dns_suffix}" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = {
        StringEquals = {
          "aws:RequestTag/eks-cluster-name"           = var.cluster_name
          "aws:RequestTag/kubernetes-namespace"       = each.value.namespace
          "aws:RequestTag/kubernetes-service-account" = each.value.service_account
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "workload" {
  for_each = var.service_accounts

  name = "least-privilege"
  role = aws_iam_role.workload[each.key].id

  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.workload_statements[each.key]
  })
}

resource "aws_eks_pod_identity_association" "workload" {
  for_each = var.create_pod_identity_associations ? var.service_accounts : {}

  cluster_name    = var.cluster_name
  namespace       = each.value.namespace
  service_account = each.value.service_account
  role_arn        = aws_iam_role.workload[each.key].arn
}

# ---------------------------------------------------------------------------
# Node role (managed node groups)
# ---------------------------------------------------------------------------

resource "aws_iam_role" "node" {
  name        = "${var.name_prefix}-eks-node"
  description = "EC2 instances of the ${var.name_prefix} EKS managed node groups."

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Ec2Nodes"
      Effect    = "Allow"
      Principal = { Service = "ec2.${local.dns_suffix}" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = local.node_managed_policies

  role       = aws_iam_role.node.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${each.value}"
}
