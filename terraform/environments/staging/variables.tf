variable "region" {
  description = "AWS region. Mumbai by default, so health data stays in India."
  type        = string
  default     = "ap-south-1"
}

variable "environment" {
  description = "Environment name, used in tags."
  type        = string
  default     = "staging"
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
