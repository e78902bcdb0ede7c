output "alb_dns_name" {
  description = "DNS name of the load balancer; point the certificate's host name at it (Route 53 alias or CNAME)."
  value       = aws_lb.api.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone id of the load balancer, for a Route 53 alias record."
  value       = aws_lb.api.zone_id
}

output "vpc_id" {
  description = "Id of the VPC."
  value       = aws_vpc.main.id
}

output "public_subnet_ids" {
  description = "Public subnets (load balancer, NAT gateways)."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private subnets (tasks, Redis, DocumentDB)."
  value       = aws_subnet.private[*].id
}

output "nat_gateway_public_ips" {
  description = "Egress addresses of the tasks; add them to the MongoDB Atlas IP access list when connecting over the internet."
  value       = aws_eip.nat[*].public_ip
}

output "ecs_cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.main.name
}

output "ecs_service_name" {
  description = "Name of the ECS service running the API."
  value       = aws_ecs_service.api.name
}

output "task_definition_arn" {
  description = "ARN of the task definition revision this apply registered."
  value       = aws_ecs_task_definition.api.arn
}

output "task_execution_role_arn" {
  description = "ARN of the task execution role (image pull, logs, secrets)."
  value       = aws_iam_role.execution.arn
}

output "task_role_arn" {
  description = "ARN of the task (application) role; it has no permissions."
  value       = aws_iam_role.task.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the API containers."
  value       = aws_cloudwatch_log_group.api.name
}

output "redis_endpoint" {
  description = "Address clients connect to (TLS, AUTH required): the primary endpoint, or with redis_cluster_mode the configuration endpoint."
  value       = local.redis_endpoint
}

output "documentdb_endpoint" {
  description = "Cluster endpoint of the DocumentDB cluster, or null when mongodb_provider is \"atlas\"."
  value       = one(aws_docdb_cluster.mongo[*].endpoint)
}

output "kms_key_arn" {
  description = "ARN of the customer-managed KMS key encrypting the secrets, Redis and DocumentDB at rest."
  value       = aws_kms_key.main.arn
}

output "secret_arns" {
  description = "ARNs of the Secrets Manager secrets (values are never output)."
  value = {
    redis_auth_token          = aws_secretsmanager_secret.redis_auth_token.arn
    redis_connection_string   = aws_secretsmanager_secret.redis_connection_string.arn
    mongodb_connection_string = aws_secretsmanager_secret.mongodb_connection_string.arn
    payment_api_key           = aws_secretsmanager_secret.payment_api_key.arn
  }
}
