variable "name" {
  description = "Name prefix for every resource, e.g. arogya-production."
  type        = string
}

variable "load_balancer_arn_suffix" {
  description = "ARN suffix of the load balancer."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "ARN suffix of the API target group."
  type        = string
}

variable "db_cluster_identifier" {
  description = "Identifier of the Aurora cluster."
  type        = string
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the alarm topic."
  type        = string
}

variable "alarm_emails" {
  description = "Addresses that receive alarms (each confirms the subscription)."
  type        = list(string)
  default     = []
}

variable "max_5xx_per_minute" {
  description = "5xx responses per minute, over three minutes, that raise an alarm."
  type        = number
  default     = 10
}

variable "max_p99_latency_seconds" {
  description = "p99 response time, over five minutes, that raises an alarm."
  type        = number
  default     = 0.5
}

variable "max_db_cpu_percent" {
  description = "Database CPU, over ten minutes, that raises an alarm."
  type        = number
  default     = 80
}

variable "min_db_free_storage_bytes" {
  description = "Free local storage on a database instance below which an alarm is raised."
  type        = number
  default     = 10737418240
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
