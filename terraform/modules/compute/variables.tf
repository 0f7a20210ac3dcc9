variable "name" {
  description = "Name prefix for every resource, e.g. arogya-production."
  type        = string
}

variable "vpc_id" {
  description = "VPC to run in."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets for the load balancer."
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "Private subnets for the tasks."
  type        = list(string)
}

variable "image" {
  description = "Container image of Arogya, e.g. 123456789012.dkr.ecr.ap-south-1.amazonaws.com/arogya:1.4.0."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener."
  type        = string
}

variable "cpu" {
  description = "Task CPU units."
  type        = number
  default     = 1024
}

variable "memory" {
  description = "Task memory in MiB."
  type        = number
  default     = 2048
}

variable "min_tasks" {
  description = "Fewest running tasks (spread over the zones)."
  type        = number
  default     = 2
}

variable "max_tasks" {
  description = "Most running tasks."
  type        = number
  default     = 12
}

variable "cpu_target_percent" {
  description = "Average CPU the autoscaler keeps the tasks at."
  type        = number
  default     = 60
}

variable "requests_per_task_target" {
  description = "Requests per minute per task the autoscaler aims for (see docs/BENCHMARKS.md)."
  type        = number
  default     = 60000
}

variable "rate_limit_per_5min" {
  description = "Requests one client address may send in five minutes before the WAF blocks it."
  type        = number
  default     = 3000
}

variable "environment" {
  description = "Plain (non-secret) AROGYA_* settings for the task."
  type        = map(string)
  default     = {}
}

variable "task_secrets" {
  description = "Environment variable name → Secrets Manager ARN, injected into the task."
  type        = map(string)
}

variable "documents_bucket_arn" {
  description = "ARN of the documents bucket the task may use."
  type        = string
}

variable "documents_kms_key_arn" {
  description = "ARN of the key encrypting the documents bucket."
  type        = string
}

variable "secrets_kms_key_arn" {
  description = "ARN of the key encrypting the secrets and log groups."
  type        = string
}

variable "logs_bucket" {
  description = "Bucket for load balancer access logs."
  type        = string
}

variable "log_retention_days" {
  description = "Days the task and WAF logs are kept."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "vpc_cidr_block" {
  description = "CIDR block of the VPC (tasks reach the database inside it)."
  type        = string
}
