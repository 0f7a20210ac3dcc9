# The customer-managed key for secrets and logs, and the Secrets Manager entries the
# tasks read. Secret values are put in out of band (see README): they never pass
# through Terraform state.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

data "aws_iam_policy_document" "key" {
  #checkov:skip=CKV_AWS_111: a key policy's "*" resource is the key itself; the account administers it through IAM
  #checkov:skip=CKV_AWS_356: a key policy's "*" resource is the key itself
  #checkov:skip=CKV_AWS_109: a key policy's "*" resource is the key itself; the account administers it through IAM
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid     = "CloudWatchLogsEncrypt"
    actions = [
      "kms:Encrypt*",
      "kms:Decrypt*",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:Describe*",
    ]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.name}.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*"]
    }
  }
}

resource "aws_kms_key" "this" {
  description             = "${var.name}: secrets and logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}-secrets"
  target_key_id = aws_kms_key.this.key_id
}

locals {
  # name → what the task sees it as (environment variable). The platform URL is a
  # role for platform work only (tenants, platform administrators): tenant requests
  # never run as a role that can read administrators (docs/DEPLOY.md).
  secrets = {
    "database-url"           = "AROGYA_DATABASE_URL"
    "database-migration-url" = "AROGYA_DATABASE_MIGRATION_URL"
    "database-platform-url"  = "AROGYA_DATABASE_PLATFORM_URL"
    "jwt-signing-keys"       = "AROGYA_JWT_SIGNING_KEYS"
    "pii-key"                = "AROGYA_PII_KEY"
  }
}

# Rotation: the JWT keys rotate by adding a newer key (docs/DEPLOY.md); database
# passwords by the RDS-managed master secret and ALTER ROLE for the app role.
resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57: rotation is procedural (docs/DEPLOY.md); a Lambda cannot rotate signing keys without a deploy
  for_each                = local.secrets
  name                    = "${var.name}/${each.key}"
  description             = "Arogya ${each.value}"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}
