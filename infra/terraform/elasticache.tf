# Redis (ElastiCache, Redis OSS engine): CartKit's cache and session index. It holds nothing that cannot be
# rebuilt from MongoDB, so it is sized for availability (a replica per AZ, automatic failover) rather than for
# durability (snapshots off by default).
#
# Cluster mode disabled (the default): one primary and its replicas. Cluster mode enabled (redis_cluster_mode): the key
# space is spread over redis_num_shards shards, each a primary with redis_replicas_per_shard replicas, and clients find
# the nodes through the configuration endpoint. CartKit's commands are single-key commands and one-key scripts, so
# they work unchanged on either.

locals {
  # AWS's default parameter groups with cluster mode on: default.redis6.x.cluster.on, default.redis7.cluster.on.
  redis_engine_major            = split(".", var.redis_engine_version)[0]
  redis_cluster_parameter_group = local.redis_engine_major == "6" ? "default.redis6.x.cluster.on" : "default.redis${local.redis_engine_major}.cluster.on"

  # What clients connect to: the primary endpoint, or in cluster mode the configuration endpoint.
  redis_endpoint = var.redis_cluster_mode ? aws_elasticache_replication_group.redis.configuration_endpoint_address : aws_elasticache_replication_group.redis.primary_endpoint_address
}

resource "aws_elasticache_subnet_group" "redis" {
  name        = "${local.name}-redis"
  description = "Private subnets of the CartKit Redis replication group"
  subnet_ids  = aws_subnet.private[*].id
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id = "${local.name}-redis"
  description          = "CartKit ${var.environment} cache and session index"

  engine         = "redis"
  engine_version = var.redis_engine_version
  node_type      = var.redis_node_type
  port           = local.redis_port

  cluster_mode            = var.redis_cluster_mode ? "enabled" : "disabled"
  parameter_group_name    = var.redis_cluster_mode ? local.redis_cluster_parameter_group : null
  num_cache_clusters      = var.redis_cluster_mode ? null : var.redis_num_cache_clusters
  num_node_groups         = var.redis_cluster_mode ? var.redis_num_shards : null
  replicas_per_node_group = var.redis_cluster_mode ? var.redis_replicas_per_shard : null

  subnet_group_name  = aws_elasticache_subnet_group.redis.name
  security_group_ids = [aws_security_group.redis.id]

  # A replica in another AZ takes over if a primary or its AZ fails (in cluster mode, per shard).
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
