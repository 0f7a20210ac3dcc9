# The production environment: the whole deployment (modules/arogya) at production sizes.

module "arogya" {
  source            = "../../modules/arogya"
  name              = "arogya-production"
  image             = var.image
  certificate_arn   = var.certificate_arn
  alarm_emails      = var.alarm_emails
  db_instance_class = "db.r6g.large"
  db_instance_count = 2
  min_tasks         = 2
  max_tasks         = 12
}
