# Redis (ElastiCache, Redis OSS engine): CartKit's cache and session index. It holds nothing that cannot be
# rebuilt from MongoDB, so it is sized for availability (a replica per AZ, automatic failover) rather than for
# durability (snapshots off by default).

resource "aws_elasticache_subnet_group" "redis" {
  name        = "${local.name}-redis"
  description = "Private subnets of the CartKit Redis replication group"
  subnet_ids  = aws_subnet.private[*].id
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id = "${local.name}-redis"
  description          = "CartKit ${var.environment} cache and session index"

  engine             = "redis"
  engine_version     = var.redis_engine_version
  node_type          = var.redis_node_type
  num_cache_clusters = var.redis_num_cache_clusters
  port               = local.redis_port

  subnet_group_name  = aws_elasticache_subnet_group.redis.name
  security_group_ids = [aws_security_group.redis.id]

  # A replica in another AZ takes over if the primary or its AZ fails.
  automatic_failover_enabled = true
  multi_az_enabled           = true

  # TLS between the tasks and Redis, KMS encryption on disk (snapshots, swap), and AUTH with a token that lives in
  # Secrets Manager.
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.main.arn
  auth_token                 = aws_secretsmanager_secret_version.redis_auth_token.secret_string

  snapshot_retention_limit   = var.redis_snapshot_retention_days
  snapshot_window            = "03:00-04:00"
  maintenance_window         = "sun:04:30-sun:05:30"
  auto_minor_version_upgrade = true
  apply_immediately          = false

  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.redis_slow_log.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }

  tags = {
    Name = "${local.name}-redis"
  }
}
