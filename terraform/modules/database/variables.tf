variable "name" {
  description = "Name prefix for every resource, e.g. arogya-production."
  type        = string
}

variable "vpc_id" {
  description = "VPC the database lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the database, one per availability zone."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups (the API tasks) allowed to connect on 5432."
  type        = list(string)
}

variable "engine_version" {
  description = "Aurora PostgreSQL engine version."
  type        = string
  default     = "16.4"
}

variable "instance_class" {
  description = "Instance class of the writer and readers."
  type        = string
  default     = "db.r6g.large"
}

variable "instance_count" {
  description = "Instances in the cluster: one writer, the rest readers in other zones."
  type        = number
  default     = 2
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 35
}

variable "log_retention_days" {
  description = "Days the exported PostgreSQL logs are kept."
  type        = number
  default     = 365
}

variable "log_kms_key_arn" {
  description = "ARN of the KMS key that encrypts CloudWatch log groups."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster (turn off only to tear down staging)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
