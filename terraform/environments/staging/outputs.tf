output "load_balancer_dns_name" {
  description = "Point the site's DNS record here."
  value       = module.arogya.load_balancer_dns_name
}

output "database_writer_endpoint" {
  description = "Writer endpoint, for creating the roles and running migrations."
  value       = module.arogya.database_writer_endpoint
}

output "database_reader_endpoint" {
  description = "Reader endpoint, for read replicas (docs/DEPLOY.md)."
  value       = module.arogya.database_reader_endpoint
}

output "database_master_secret_arn" {
  description = "Secret holding the master password."
  value       = module.arogya.database_master_secret_arn
}

output "documents_bucket" {
  description = "Documents bucket name."
  value       = module.arogya.documents_bucket
}

output "alarm_topic_arn" {
  description = "Where alarms are published."
  value       = module.arogya.alarm_topic_arn
}
