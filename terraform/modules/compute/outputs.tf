output "load_balancer_dns_name" {
  description = "DNS name of the load balancer (point the site's CNAME or alias here)."
  value       = aws_lb.this.dns_name
}

output "load_balancer_arn_suffix" {
  description = "ARN suffix of the load balancer (for CloudWatch metrics)."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arn_suffix" {
  description = "ARN suffix of the target group (for CloudWatch metrics)."
  value       = aws_lb_target_group.api.arn_suffix
}

output "task_security_group_id" {
  description = "Security group of the API tasks (the database admits it)."
  value       = aws_security_group.task.id
}

output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.api.name
}
