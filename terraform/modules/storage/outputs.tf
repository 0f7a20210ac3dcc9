output "documents_bucket" {
  description = "Name of the documents bucket."
  value       = aws_s3_bucket.documents.id
}

output "documents_bucket_arn" {
  description = "ARN of the documents bucket."
  value       = aws_s3_bucket.documents.arn
}

output "documents_kms_key_arn" {
  description = "ARN of the key encrypting the documents bucket."
  value       = aws_kms_key.documents.arn
}

output "logs_bucket" {
  description = "Name of the access-log bucket (load balancer logs go under alb/)."
  value       = aws_s3_bucket.logs.id
}
