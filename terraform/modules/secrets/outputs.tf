output "kms_key_arn" {
  description = "ARN of the customer-managed key for secrets and log groups."
  value       = aws_kms_key.this.arn
}

output "task_secrets" {
  description = "Environment variable name → secret ARN, for the ECS task definition."
  value       = { for k, s in aws_secretsmanager_secret.this : local.secrets[k] => s.arn }
}

output "secret_arns" {
  description = "ARNs of every secret the task may read."
  value       = [for s in aws_secretsmanager_secret.this : s.arn]
}
