variable "name" {
  description = "Name prefix for every resource, e.g. arogya-production."
  type        = string
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
}

variable "db_instance_count" {
  description = "Database instances: one writer, the rest readers."
  type        = number
}

variable "min_tasks" {
  description = "Fewest API tasks."
  type        = number
}

variable "max_tasks" {
  description = "Most API tasks."
  type        = number
}

variable "object_lock_years" {
  description = "Years documents are locked against deletion (records retention); null for none."
  type        = number
  default     = null
}

variable "web_origins" {
  description = "Origins of the web app, allowed to upload and download documents straight to the bucket."
  type        = list(string)
  default     = []
}

variable "deletion_protection" {
  description = "Refuse to delete the database (set false only to tear an environment down)."
  type        = bool
  default     = true
}
