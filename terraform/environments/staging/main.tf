# The staging environment: the whole deployment (modules/arogya) at staging sizes.

module "arogya" {
  source            = "../../modules/arogya"
  name              = "arogya-staging"
  image             = var.image
  certificate_arn   = var.certificate_arn
  alarm_emails      = var.alarm_emails
  db_instance_class = "db.t4g.medium"
  db_instance_count = 1
  min_tasks         = 1
  max_tasks         = 3
}
