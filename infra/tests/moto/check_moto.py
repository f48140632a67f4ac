#!/usr/bin/env python3
"""Read back what `terraform apply` created in moto_server and check the
security properties on the server side (not in the Terraform state).

Usage: check_moto.py <moto endpoint> <terraform output -json file>

Only the Python standard library is used. moto does not verify request
signatures, so requests carry a syntactically valid SigV4 Authorization header
whose credential scope tells moto which service is addressed.
"""

import json
import sys
import urllib.request
import xml.etree.ElementTree as ET

LOG_DELIVERY_CANONICAL_ID = "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0"

endpoint = sys.argv[1].rstrip("/")
outputs = {name: value["value"] for name, value in json.load(open(sys.argv[2], encoding="utf-8")).items()}
failures = []


def auth(service, region):
    return f"AWS4-HMAC-SHA256 Credential=test/20250101/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0"


def request(path, service="s3", region="eu-west-1", body=None, target=None):
    headers = {"Authorization": auth(service, region)}
    if target:
        headers["X-Amz-Target"] = target
        headers["Content-Type"] = "application/x-amz-json-1.1"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(endpoint + path, data=data, headers=headers)) as response:
        return response.read().decode()


def xml(path, **kwargs):
    root = ET.fromstring(request(path, **kwargs))
    for element in root.iter():  # drop namespaces: {ns}Tag -> Tag
        element.tag = element.tag.split("}", 1)[-1]
    return root


def check(description, condition):
    print(("ok     " if condition else "FAILED ") + description)
    if not condition:
        failures.append(description)


def texts(root, path):
    return [element.text for element in root.findall(path)]


def public_access_blocked(bucket):
    pab = xml(f"/{bucket}?publicAccessBlock")
    flags = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"]
    return all(pab.findtext(flag) == "true" for flag in flags)


def denies_insecure_transport(bucket):
    statements = json.loads(request(f"/{bucket}?policy"))["Statement"]
    return any(
        s["Effect"] == "Deny" and s["Action"] == "s3:*"
        and s.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") == "false"
        for s in statements
    )


videos, replica, logs = outputs["video_bucket"], outputs["replica_bucket"], outputs["log_bucket"]

# --- S3 ---------------------------------------------------------------------
for bucket in (videos, replica, logs):
    check(f"{bucket}: all four public access block flags on", public_access_blocked(bucket))
    check(f"{bucket}: bucket policy denies non-TLS requests", denies_insecure_transport(bucket))

for bucket in (videos, replica):
    sse = xml(f"/{bucket}?encryption")
    check(f"{bucket}: default encryption SSE-KMS with bucket key",
          sse.findtext(".//SSEAlgorithm") == "aws:kms" and sse.findtext(".//BucketKeyEnabled") == "true")
    check(f"{bucket}: versioning enabled", xml(f"/{bucket}?versioning").findtext("Status") == "Enabled")
    check(f"{bucket}: ACLs disabled (BucketOwnerEnforced)",
          xml(f"/{bucket}?ownershipControls").findtext(".//ObjectOwnership") == "BucketOwnerEnforced")

check(f"{videos}: encrypted with the module's KMS key",
      xml(f"/{videos}?encryption").findtext(".//KMSMasterKeyID") == outputs["video_kms_key_arn"])

policy = json.loads(request(f"/{videos}?policy"))["Statement"]
check(f"{videos}: CloudFront OAC may read media/ only, for this distribution", any(
    s["Effect"] == "Allow" and s["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    and s["Resource"].endswith("/media/*")
    and s["Condition"]["StringEquals"]["aws:SourceArn"] in (outputs["distribution_arn"], [outputs["distribution_arn"]])
    for s in policy))
check(f"{videos}: uploads naming another KMS key are denied", any(
    s["Effect"] == "Deny" and "s3:x-amz-server-side-encryption-aws-kms-key-id" in s.get("Condition", {}).get("StringNotEqualsIfExists", {})
    for s in policy))

lifecycle = xml(f"/{videos}?lifecycle")
check(f"{videos}: lifecycle aborts uploads, expires old versions, moves media/ to STANDARD_IA",
      {"abort-incomplete-multipart-uploads", "expire-noncurrent-versions", "media-to-standard-ia"} <= set(texts(lifecycle, ".//Rule/ID"))
      and "STANDARD_IA" in texts(lifecycle, ".//Transition/StorageClass"))

cors = xml(f"/{videos}?cors")
check(f"{videos}: CORS allows PUT and exposes ETag",
      texts(cors, ".//AllowedMethod") == ["PUT"] and "ETag" in texts(cors, ".//ExposeHeader"))

replication = xml(f"/{videos}?replication")
check(f"{videos}: replicates to {replica} re-encrypted with a KMS key, metrics on",
      replication.findtext(".//Destination/Bucket") == f"arn:aws:s3:::{replica}"
      and ":kms:us-east-1:" in (replication.findtext(".//ReplicaKmsKeyID") or "")
      and replication.findtext(".//Metrics/Status") == "Enabled")

check(f"{logs}: SSE-S3 (the encryption CloudFront standard logging supports as is)",
      xml(f"/{logs}?encryption").findtext(".//SSEAlgorithm") == "AES256")
acl = xml(f"/{logs}?acl")
check(f"{logs}: ACL grants the CloudFront log delivery account",
      LOG_DELIVERY_CANONICAL_ID in texts(acl, ".//Grant/Grantee/ID"))

# --- CloudFront ---------------------------------------------------------------
config = xml(f"/2020-05-31/distribution/{outputs['distribution_id']}/config", service="cloudfront", region="us-east-1")
behaviors = config.findall("DefaultCacheBehavior") + config.findall(".//CacheBehaviors/Items/CacheBehavior")
check("CloudFront: every behavior is https-only", all(b.findtext("ViewerProtocolPolicy") == "https-only" for b in behaviors))
check("CloudFront: every behavior trusts the key group (signed URLs)",
      all(b.findtext("TrustedKeyGroups/Enabled") == "true" and b.findtext("TrustedKeyGroups/Quantity") == "1" for b in behaviors))
check("CloudFront: geo restriction whitelist FR, BE",
      config.findtext(".//GeoRestriction/RestrictionType") == "whitelist"
      and sorted(texts(config, ".//GeoRestriction/Items/Location")) == ["BE", "FR"])
check("CloudFront: access logs go to the log bucket", config.findtext("Logging/Bucket") == f"{logs}.s3.amazonaws.com")
check("CloudFront: WAF web ACL associated", ":wafv2:us-east-1:" in (config.findtext("WebACLId") or ""))

# --- VPC -----------------------------------------------------------------------
vpc_filter = f"Filter.1.Name=vpc-id&Filter.1.Value.1={outputs['vpc_id']}"
subnets = xml(f"/?Action=DescribeSubnets&Version=2016-11-15&{vpc_filter}", service="ec2")
subnet_tags = [{t.findtext("key"): t.findtext("value") for t in item.findall("tagSet/item")} for item in subnets.findall("subnetSet/item")]
cluster_tag = f"kubernetes.io/cluster/{outputs['cluster_name']}"
check("VPC: two private subnets tagged for internal load balancers and the cluster",
      sum(1 for t in subnet_tags if t.get("kubernetes.io/role/internal-elb") == "1" and t.get(cluster_tag) == "shared") == 2)
check("VPC: two public subnets tagged for internet-facing load balancers and the cluster",
      sum(1 for t in subnet_tags if t.get("kubernetes.io/role/elb") == "1" and t.get(cluster_tag) == "shared") == 2)
flow_logs = xml(f"/?Action=DescribeFlowLogs&Version=2016-11-15&Filter.1.Name=resource-id&Filter.1.Value.1={outputs['vpc_id']}", service="ec2")
check("VPC: flow log of ALL traffic to CloudWatch Logs",
      flow_logs.findtext(".//flowLogSet/item/logDestinationType") == "cloud-watch-logs"
      and flow_logs.findtext(".//flowLogSet/item/trafficType") == "ALL")

# --- EKS, EC2 launch template, ECR, KMS ----------------------------------------
cluster = json.loads(request(f"/clusters/{outputs['cluster_name']}", service="eks"))["cluster"]
check("EKS: private endpoint only", cluster["resourcesVpcConfig"]["endpointPrivateAccess"] and not cluster["resourcesVpcConfig"]["endpointPublicAccess"])
check("EKS: all control-plane log types enabled",
      set(cluster["logging"]["clusterLogging"][0]["types"]) == {"api", "audit", "authenticator", "controllerManager", "scheduler"})

nodegroup = json.loads(request(f"/clusters/{outputs['cluster_name']}/node-groups/general", service="eks"))["nodegroup"]
check("EKS: node group sizes 1 <= 2 <= 3 and cluster-autoscaler tags",
      nodegroup["scalingConfig"] == {"minSize": 1, "maxSize": 3, "desiredSize": 2}
      and nodegroup["tags"].get("k8s.io/cluster-autoscaler/enabled") == "true")

template_id = nodegroup["launchTemplate"]["id"]
versions = xml(f"/?Action=DescribeLaunchTemplateVersions&Version=2016-11-15&LaunchTemplateId={template_id}", service="ec2")
check("EC2: node launch template requires IMDSv2, hop limit 1, encrypted root volume",
      versions.findtext(".//metadataOptions/httpTokens") == "required"
      and versions.findtext(".//metadataOptions/httpPutResponseHopLimit") == "1"
      and versions.findtext(".//blockDeviceMappingSet/item/ebs/encrypted") == "true")

repositories = json.loads(request("/", service="ecr", body={}, target="AmazonEC2ContainerRegistry_V20150921.DescribeRepositories"))["repositories"]
check("ECR: three repositories, immutable tags, scan on push, KMS encrypted",
      len(repositories) == 3 and all(
          r["imageTagMutability"] == "IMMUTABLE" and r["imageScanningConfiguration"]["scanOnPush"]
          and r["encryptionConfiguration"]["encryptionType"] == "KMS" for r in repositories))

rotation = json.loads(request("/", service="kms", body={"KeyId": outputs["video_kms_key_arn"]}, target="TrentService.GetKeyRotationStatus"))
check("KMS: video bucket key rotation enabled", rotation["KeyRotationEnabled"] is True)

key_policy = json.loads(json.loads(request("/", service="kms", body={"KeyId": outputs["video_kms_key_arn"], "PolicyName": "default"},
                                           target="TrentService.GetKeyPolicy"))["Policy"])
check("KMS: video key policy lets CloudFront decrypt for this distribution only", any(
    s["Principal"] == {"Service": "cloudfront.amazonaws.com"} and s["Action"] == "kms:Decrypt"
    and s["Condition"]["StringEquals"]["aws:SourceArn"] in (outputs["distribution_arn"], [outputs["distribution_arn"]])
    for s in key_policy["Statement"]))

print(f"{len(failures)} check(s) failed" if failures else "all checks passed")
sys.exit(1 if failures else 0)
