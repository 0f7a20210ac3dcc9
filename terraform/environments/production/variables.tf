variable "region" {
  description = "AWS region. Mumbai by default, so health data stays in India."
  type        = string
  default     = "ap-south-1"
}

variable "environment" {
  description = "Environment name, used in resource names and tags."
  type        = string
  default     = "production"
}

variable "image" {
  description = "Container image of Arogya to run (an ECR URI with a version tag)."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate of the site's domain, for HTTPS."
  type        = string
}

variable "alarm_emails" {
  description = "Addresses that receive alarms."
  type        = list(string)
  default     = []
}

variable "backup_retention_days" {
  description = "Days of point-in-time recovery for the database."
  type        = number
  default     = 35
}

variable "db_instance_class" {
  description = "Database instance class."
  type        = string
  default     = "db.r6g.large"
}

variable "db_instance_count" {
  description = "Database instances: one writer, the rest readers."
  type        = number
  default     = 2
}

variable "min_tasks" {
  description = "Fewest API tasks."
  type        = number
  default     = 2
}

variable "max_tasks" {
  description = "Most API tasks."
  type        = number
  default     = 12
}

variable "object_lock_years" {
  description = "Years documents are locked against deletion (records retention); null for none."
  type        = number
  default     = null
}
