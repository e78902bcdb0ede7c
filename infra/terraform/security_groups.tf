# The whole network policy of the stack, in one place:
#
#   internet  --443, 80-->  alb  --8080-->  tasks  --6379-->   redis
#                                                  --27017-->  documentdb (mongodb_provider = "documentdb")
#                                                  --27017-->  Atlas via NAT (mongodb_provider = "atlas")
#                                                  --443-->    AWS APIs and the registry via NAT
#
# Rules are separate aws_vpc_security_group_*_rule resources (one port and one source each), never inline
# blocks, so each rule is reviewable on its own and tests/security.test.mjs can check them. The data-store groups
# have no egress rules at all: they only answer connections.

# ---------------------------------------------------------------------------------------------------------------
# Load balancer: the only group reachable from the internet.
# ---------------------------------------------------------------------------------------------------------------

resource "aws_security_group" "alb" {
  name_prefix = "${local.name}-alb-"
  description = "CartKit ALB: HTTPS (and HTTP for the redirect) from the internet; forwards only to the tasks."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-alb"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from the internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from the internet, only to be redirected to HTTPS"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Forward requests and health checks to the API tasks"
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  referenced_security_group_id = aws_security_group.tasks.id
}

# ---------------------------------------------------------------------------------------------------------------
# API tasks: reachable only from the load balancer; no public IPs (see ecs.tf).
# ---------------------------------------------------------------------------------------------------------------

resource "aws_security_group" "tasks" {
  name_prefix = "${local.name}-tasks-"
  description = "CartKit API tasks: the container port from the ALB only."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-tasks"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "HTTP from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "tasks_https" {
  security_group_id = aws_security_group.tasks.id
  description       = "HTTPS to AWS APIs (ECR, Secrets Manager, CloudWatch Logs) and the image registry, via NAT"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_redis" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "Redis (TLS)"
  ip_protocol                  = "tcp"
  from_port                    = local.redis_port
  to_port                      = local.redis_port
  referenced_security_group_id = aws_security_group.redis.id
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_documentdb" {
  count = local.use_documentdb ? 1 : 0

  security_group_id            = aws_security_group.tasks.id
  description                  = "Amazon DocumentDB (TLS)"
  ip_protocol                  = "tcp"
  from_port                    = local.mongodb_port
  to_port                      = local.mongodb_port
  referenced_security_group_id = aws_security_group.documentdb[0].id
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_atlas" {
  for_each = toset(local.use_documentdb ? [] : var.mongodb_atlas_egress_cidrs)

  security_group_id = aws_security_group.tasks.id
  description       = "MongoDB Atlas (TLS) via NAT or PrivateLink"
  ip_protocol       = "tcp"
  from_port         = local.mongodb_port
  to_port           = local.mongodb_port
  cidr_ipv4         = each.value
}

# ---------------------------------------------------------------------------------------------------------------
# Redis: 6379 from the tasks only.
# ---------------------------------------------------------------------------------------------------------------

resource "aws_security_group" "redis" {
  name_prefix = "${local.name}-redis-"
  description = "CartKit Redis: 6379 from the API tasks only."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-redis"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_tasks" {
  security_group_id            = aws_security_group.redis.id
  description                  = "Redis from the API tasks"
  ip_protocol                  = "tcp"
  from_port                    = local.redis_port
  to_port                      = local.redis_port
  referenced_security_group_id = aws_security_group.tasks.id
}

# ---------------------------------------------------------------------------------------------------------------
# DocumentDB (only when mongodb_provider = "documentdb"): 27017 from the tasks only.
# ---------------------------------------------------------------------------------------------------------------

resource "aws_security_group" "documentdb" {
  count = local.use_documentdb ? 1 : 0

  name_prefix = "${local.name}-docdb-"
  description = "CartKit DocumentDB: 27017 from the API tasks only."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-docdb"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "documentdb_from_tasks" {
  count = local.use_documentdb ? 1 : 0

  security_group_id            = aws_security_group.documentdb[0].id
  description                  = "MongoDB wire protocol from the API tasks"
  ip_protocol                  = "tcp"
  from_port                    = local.mongodb_port
  to_port                      = local.mongodb_port
  referenced_security_group_id = aws_security_group.tasks.id
}
