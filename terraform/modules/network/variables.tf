variable "name" {
  description = "Name prefix for every resource, e.g. arogya-production."
  type        = string
}

variable "cidr_block" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zones" {
  description = "The availability zones to spread subnets over (three for production), named explicitly so the set never grows by itself."
  type        = list(string)
}

variable "flow_log_retention_days" {
  description = "How long VPC flow logs are kept, in days."
  type        = number
  default     = 365
}

variable "log_kms_key_arn" {
  description = "ARN of the KMS key that encrypts CloudWatch log groups."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
