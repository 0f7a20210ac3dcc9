variable "name" {
  description = "Name prefix for every resource, e.g. arogya-production."
  type        = string
}

variable "noncurrent_version_days" {
  description = "Days old versions of documents are kept after being replaced or deleted."
  type        = number
  default     = 365
}

variable "access_log_retention_days" {
  description = "Days S3 and load-balancer access logs are kept."
  type        = number
  default     = 365
}

variable "object_lock_years" {
  description = "When set, documents are locked (compliance mode) for this many years: records retention. Null leaves object lock off."
  type        = number
  default     = null
}

variable "cors_allowed_origins" {
  description = "Origins of the web app (e.g. https://arogya.wb.gov.in), whose pages upload and download documents directly with presigned URLs."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
