# Secrets the API receives as ECS secrets (never as plain environment values), plus the Redis auth token.
#
#   secret                          ECS variable                  value comes from
#   redis-auth-token                (not injected)                random_password.redis_auth_token
#   redis-connection-string         ConnectionStrings__Redis      Redis primary endpoint + the auth token
#   mongodb-connection-string       ConnectionStrings__Mongo      var.mongodb_connection_string (Atlas) or the
#                                                                 DocumentDB cluster (documentdb.tf)
#   payment-api-key                 Sample__PaymentApiKey         random_password.payment_api_key
#
# All are encrypted with one customer-managed KMS key so access to them can be audited and revoked in one place.

resource "aws_kms_key" "main" {
  description             = "CartKit ${var.environment}: Secrets Manager secrets and data at rest"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  tags = {
    Name = local.name
  }
}

resource "aws_kms_alias" "main" {
  name          = "alias/${local.name}"
  target_key_id = aws_kms_key.main.key_id
}

# ---------------------------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------------------------

# Alphanumeric only: ElastiCache forbids some punctuation in auth tokens and StackExchange.Redis connection
# strings treat ',' and '=' as separators. 64 alphanumerics are ~380 bits of entropy.
resource "random_password" "redis_auth_token" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "redis_auth_token" {
  name                    = "${local.name}/redis-auth-token"
  description             = "AUTH token of the CartKit Redis replication group."
  kms_key_id              = aws_kms_key.main.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "redis_auth_token" {
  secret_id     = aws_secretsmanager_secret.redis_auth_token.id
  secret_string = random_password.redis_auth_token.result
}

resource "aws_secretsmanager_secret" "redis_connection_string" {
  name                    = "${local.name}/redis-connection-string"
  description             = "StackExchange.Redis connection string (TLS, AUTH) for ConnectionStrings__Redis."
  kms_key_id              = aws_kms_key.main.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "redis_connection_string" {
  secret_id = aws_secretsmanager_secret.redis_connection_string.id
  secret_string = format(
    "%s:%d,ssl=true,abortConnect=false,password=%s",
    local.redis_endpoint,
    aws_elasticache_replication_group.redis.port,
    aws_secretsmanager_secret_version.redis_auth_token.secret_string,
  )
}

# ---------------------------------------------------------------------------------------------------------------
# MongoDB
# ---------------------------------------------------------------------------------------------------------------

resource "aws_secretsmanager_secret" "mongodb_connection_string" {
  name                    = "${local.name}/mongodb-connection-string"
  description             = "MongoDB URI for ConnectionStrings__Mongo (${var.mongodb_provider})."
  kms_key_id              = aws_kms_key.main.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "mongodb_connection_string" {
  secret_id     = aws_secretsmanager_secret.mongodb_connection_string.id
  secret_string = local.use_documentdb ? local.documentdb_connection_string : var.mongodb_connection_string
}

# ---------------------------------------------------------------------------------------------------------------
# Payment route shared secret
# ---------------------------------------------------------------------------------------------------------------

resource "random_password" "payment_api_key" {
  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "payment_api_key" {
  name                    = "${local.name}/payment-api-key"
  description             = "Shared secret protecting the sample API's payment route (Sample__PaymentApiKey)."
  kms_key_id              = aws_kms_key.main.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "payment_api_key" {
  secret_id     = aws_secretsmanager_secret.payment_api_key.id
  secret_string = random_password.payment_api_key.result
}

# ---------------------------------------------------------------------------------------------------------------
# What the task definition injects. The execution role may read exactly these secrets (iam.tf).
# ---------------------------------------------------------------------------------------------------------------

locals {
  container_secrets = [
    {
      name      = "ConnectionStrings__Redis"
      valueFrom = aws_secretsmanager_secret.redis_connection_string.arn
    },
    {
      name      = "ConnectionStrings__Mongo"
      valueFrom = aws_secretsmanager_secret.mongodb_connection_string.arn
    },
    {
      name      = "Sample__PaymentApiKey"
      valueFrom = aws_secretsmanager_secret.payment_api_key.arn
    },
  ]

  injected_secret_arns = [
    aws_secretsmanager_secret.redis_connection_string.arn,
    aws_secretsmanager_secret.mongodb_connection_string.arn,
    aws_secretsmanager_secret.payment_api_key.arn,
  ]
}
