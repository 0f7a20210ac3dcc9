# The whole deployment: every module, wired together. Environments call this with
# their sizes.

data "aws_region" "current" {}

locals {
  name = var.name
}

module "secrets" {
  source = "../secrets"
  name   = local.name
}

module "network" {
  source             = "../network"
  name               = local.name
  availability_zones = [for zone in ["a", "b", "c"] : "${data.aws_region.current.name}${zone}"]
  log_kms_key_arn    = module.secrets.kms_key_arn
}

module "storage" {
  source               = "../storage"
  name                 = local.name
  object_lock_years    = var.object_lock_years
  cors_allowed_origins = var.web_origins
}

module "database" {
  source                    = "../database"
  name                      = local.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = [module.compute.task_security_group_id]
  instance_class            = var.db_instance_class
  instance_count            = var.db_instance_count
  backup_retention_days     = var.backup_retention_days
  log_kms_key_arn           = module.secrets.kms_key_arn
  deletion_protection       = var.deletion_protection
}

module "compute" {
  source                = "../compute"
  name                  = local.name
  vpc_id                = module.network.vpc_id
  vpc_cidr_block        = module.network.vpc_cidr_block
  public_subnet_ids     = module.network.public_subnet_ids
  private_subnet_ids    = module.network.private_subnet_ids
  image                 = var.image
  certificate_arn       = var.certificate_arn
  min_tasks             = var.min_tasks
  max_tasks             = var.max_tasks
  task_secrets          = module.secrets.task_secrets
  documents_bucket_arn  = module.storage.documents_bucket_arn
  documents_kms_key_arn = module.storage.documents_kms_key_arn
  secrets_kms_key_arn   = module.secrets.kms_key_arn
  logs_bucket           = module.storage.logs_bucket
  environment           = {
    AROGYA_MIGRATE_ON_START = "false"
    AROGYA_LOG_FILTER       = "info"
    # Documents in the bucket; credentials come from the task role.
    AROGYA_OBJECT_STORE = "s3"
    AROGYA_S3_BUCKET    = module.storage.documents_bucket
    AROGYA_S3_REGION    = data.aws_region.current.name
  }
}

module "observability" {
  source                   = "../observability"
  name                     = local.name
  load_balancer_arn_suffix = module.compute.load_balancer_arn_suffix
  target_group_arn_suffix  = module.compute.target_group_arn_suffix
  db_cluster_identifier    = module.database.cluster_identifier
  kms_key_arn              = module.secrets.kms_key_arn
  alarm_emails             = var.alarm_emails
}
