output "alarm_topic_arn" {
  description = "SNS topic the alarms publish to (subscribe pagers or chat here)."
  value       = aws_sns_topic.alarms.arn
}
