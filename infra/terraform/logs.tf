# Every log group has a retention: nothing is kept (and billed) forever by accident. They use CloudWatch Logs'
# default encryption; a customer-managed key would need a key policy for the logs service principal.

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/${local.name}/api"
  retention_in_days = var.log_retention_days

  tags = {
    Name = "${local.name}-api"
  }
}

resource "aws_cloudwatch_log_group" "redis_slow_log" {
  name              = "/elasticache/${local.name}/redis/slow-log"
  retention_in_days = var.log_retention_days

  tags = {
    Name = "${local.name}-redis-slow-log"
  }
}

resource "aws_cloudwatch_log_group" "vpc_flow_logs" {
  name              = "/vpc/${local.name}/flow-logs"
  retention_in_days = var.log_retention_days

  tags = {
    Name = "${local.name}-vpc-flow-logs"
  }
}
