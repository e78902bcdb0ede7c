# ---------------------------------------------------------------------------------------------------------------
# Naming, region and tags
# ---------------------------------------------------------------------------------------------------------------

variable "aws_region" {
  type        = string
  description = "AWS region to deploy into, for example eu-west-1."

  validation {
    condition     = can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$", var.aws_region))
    error_message = "aws_region must be an AWS region code such as eu-west-1 or us-gov-west-1."
  }
}

variable "name" {
  type        = string
  description = "Short name of the deployment, used as the prefix of every resource name."
  default     = "cartkit"

  validation {
    # Load balancer and target group names are limited to 32 characters and ElastiCache ids may not contain
    # two hyphens in a row, so the prefix is kept short and simple.
    condition     = can(regex("^[a-z][a-z0-9-]{0,14}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 2-16 lowercase letters, digits or single hyphens, start with a letter and not end with a hyphen."
  }
}

variable "environment" {
  type        = string
  description = "Environment name (for example production or staging); part of resource names and the Environment tag."
  default     = "production"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{0,9}$", var.environment))
    error_message = "environment must be 1-10 lowercase letters or digits and start with a letter."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags applied to every resource through the provider's default_tags (for example Owner, CostCenter)."
  default     = {}
}

# ---------------------------------------------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------------------------------------------

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR block of the VPC. Each public and private subnet gets a /(prefix+4) slice of it."
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && try(tonumber(split("/", var.vpc_cidr)[1]) >= 16 && tonumber(split("/", var.vpc_cidr)[1]) <= 22, false)
    error_message = "vpc_cidr must be a valid IPv4 CIDR block with a prefix length between /16 and /22."
  }
}

variable "az_count" {
  type        = number
  description = "Number of availability zones to spread subnets, NAT gateways, tasks and Redis nodes over."
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 4 && floor(var.az_count) == var.az_count
    error_message = "az_count must be a whole number from 2 to 4: production needs at least two availability zones."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "Use one NAT gateway for all private subnets instead of one per availability zone. Cheaper, but an AZ outage then cuts egress for every task."
  default     = false
}

# ---------------------------------------------------------------------------------------------------------------
# Load balancer
# ---------------------------------------------------------------------------------------------------------------

variable "certificate_arn" {
  type        = string
  description = "ARN of the ACM certificate (in aws_region) served by the HTTPS listener."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID)."
  }
}

variable "alb_ssl_policy" {
  type        = string
  description = "TLS negotiation policy of the HTTPS listener."
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = startswith(var.alb_ssl_policy, "ELBSecurityPolicy-TLS13-") || startswith(var.alb_ssl_policy, "ELBSecurityPolicy-FS-1-2-")
    error_message = "alb_ssl_policy must be a TLS 1.2+ forward-secrecy policy (ELBSecurityPolicy-TLS13-* or ELBSecurityPolicy-FS-1-2-*)."
  }
}

variable "alb_deletion_protection" {
  type        = bool
  description = "Protect the load balancer from deletion. Turn off only to tear the stack down."
  default     = true
}

variable "alb_access_logs_bucket" {
  type        = string
  description = "Name of an existing S3 bucket (with the ELB log delivery bucket policy) for ALB access logs; null disables access logs."
  default     = null

  validation {
    condition     = var.alb_access_logs_bucket == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.alb_access_logs_bucket))
    error_message = "alb_access_logs_bucket must be null or a valid S3 bucket name."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Service
# ---------------------------------------------------------------------------------------------------------------

variable "container_image" {
  type        = string
  description = "Container image of the sample API, pinned by tag or digest (for example 123456789012.dkr.ecr.eu-west-1.amazonaws.com/cartkit-sample-api:1.4.2)."

  validation {
    condition     = !endswith(var.container_image, ":latest") && can(regex("(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})$", var.container_image))
    error_message = "container_image must be pinned to an explicit tag (not :latest) or a sha256 digest."
  }
}

variable "cpu_architecture" {
  type        = string
  description = "CPU architecture of the image: X86_64 or ARM64 (Graviton, cheaper per vCPU)."
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "task_cpu" {
  type        = number
  description = "Fargate task CPU units (1024 = 1 vCPU)."
  default     = 512

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.task_cpu)
    error_message = "task_cpu must be one of the Fargate CPU sizes: 256, 512, 1024, 2048, 4096, 8192 or 16384."
  }
}

variable "task_memory" {
  type        = number
  description = "Fargate task memory in MiB; must be a combination Fargate supports for task_cpu."
  default     = 1024

  validation {
    condition     = var.task_memory >= 512 && var.task_memory <= 122880 && var.task_memory % 512 == 0
    error_message = "task_memory must be a multiple of 512 MiB between 512 and 122880."
  }
}

variable "desired_count" {
  type        = number
  description = "Number of tasks the service starts with. Autoscaling owns the count afterwards (Terraform ignores later drift)."
  default     = 2

  validation {
    condition     = floor(var.desired_count) == var.desired_count && var.desired_count >= var.min_capacity && var.desired_count <= var.max_capacity
    error_message = "desired_count must be a whole number between min_capacity and max_capacity."
  }
}

variable "min_capacity" {
  type        = number
  description = "Lower bound for autoscaling. At least 2 so that one task per availability zone survives an AZ outage."
  default     = 2

  validation {
    condition     = floor(var.min_capacity) == var.min_capacity && var.min_capacity >= 2
    error_message = "min_capacity must be a whole number of at least 2."
  }
}

variable "max_capacity" {
  type        = number
  description = "Upper bound for autoscaling."
  default     = 10

  validation {
    condition     = floor(var.max_capacity) == var.max_capacity && var.max_capacity >= var.min_capacity && var.max_capacity <= 100
    error_message = "max_capacity must be a whole number between min_capacity and 100."
  }
}

variable "autoscaling_cpu_target" {
  type        = number
  description = "Target average CPU utilisation (percent) of the service for target-tracking scaling."
  default     = 60

  validation {
    condition     = var.autoscaling_cpu_target >= 10 && var.autoscaling_cpu_target <= 90
    error_message = "autoscaling_cpu_target must be between 10 and 90 percent."
  }
}

variable "autoscaling_requests_per_target" {
  type        = number
  description = "Target ALB requests per task per minute for target-tracking scaling (ALBRequestCountPerTarget)."
  default     = 1000

  validation {
    condition     = var.autoscaling_requests_per_target > 0
    error_message = "autoscaling_requests_per_target must be positive."
  }
}

variable "health_check_grace_period_seconds" {
  type        = number
  description = "Seconds ECS ignores failing ALB health checks of a new task while it starts and connects to Redis and MongoDB."
  default     = 60

  validation {
    condition     = var.health_check_grace_period_seconds >= 0 && var.health_check_grace_period_seconds <= 600
    error_message = "health_check_grace_period_seconds must be between 0 and 600."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the CloudWatch log groups (application, Redis slow log, VPC flow logs), in days."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Redis (ElastiCache)
# ---------------------------------------------------------------------------------------------------------------

variable "redis_node_type" {
  type        = string
  description = "ElastiCache node type of every Redis node."
  default     = "cache.t4g.small"

  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.redis_node_type))
    error_message = "redis_node_type must be an ElastiCache node type such as cache.t4g.small or cache.r7g.large."
  }
}

variable "redis_engine_version" {
  type        = string
  description = "Redis OSS engine version (major.minor)."
  default     = "7.1"

  validation {
    condition     = can(regex("^[6-9]\\.[0-9]+$", var.redis_engine_version))
    error_message = "redis_engine_version must be major.minor, 6.x or later (for example 7.1)."
  }
}

variable "redis_num_cache_clusters" {
  type        = number
  description = "Number of Redis nodes (one primary plus replicas) spread over the availability zones."
  default     = 2

  validation {
    condition     = floor(var.redis_num_cache_clusters) == var.redis_num_cache_clusters && var.redis_num_cache_clusters >= 2 && var.redis_num_cache_clusters <= 6
    error_message = "redis_num_cache_clusters must be a whole number from 2 to 6: automatic failover needs at least one replica."
  }
}

variable "redis_cluster_mode" {
  type        = bool
  description = "Run Redis with cluster mode enabled: keys spread over redis_num_shards shards, each a primary with redis_replicas_per_shard replicas, reached through the configuration endpoint. Off: one primary with redis_num_cache_clusters - 1 replicas."
  default     = false
}

variable "redis_num_shards" {
  type        = number
  description = "With redis_cluster_mode: the number of shards (node groups) the key space is spread over."
  default     = 3

  validation {
    condition     = floor(var.redis_num_shards) == var.redis_num_shards && var.redis_num_shards >= 1 && var.redis_num_shards <= 90
    error_message = "redis_num_shards must be a whole number from 1 to 90."
  }
}

variable "redis_replicas_per_shard" {
  type        = number
  description = "With redis_cluster_mode: the replicas of each shard's primary, spread over the availability zones."
  default     = 1

  validation {
    condition     = floor(var.redis_replicas_per_shard) == var.redis_replicas_per_shard && var.redis_replicas_per_shard >= 1 && var.redis_replicas_per_shard <= 5
    error_message = "redis_replicas_per_shard must be a whole number from 1 to 5: automatic failover needs at least one replica per shard."
  }
}

variable "redis_snapshot_retention_days" {
  type        = number
  description = "Days of automatic Redis snapshots to keep. 0 disables them: Redis only holds cache and session-index data that CartKit rebuilds from MongoDB."
  default     = 0

  validation {
    condition     = var.redis_snapshot_retention_days >= 0 && var.redis_snapshot_retention_days <= 35
    error_message = "redis_snapshot_retention_days must be between 0 and 35."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# MongoDB
# ---------------------------------------------------------------------------------------------------------------

variable "mongodb_provider" {
  type        = string
  description = "Where MongoDB comes from: \"atlas\" (operator-supplied connection string, for example MongoDB Atlas) or \"documentdb\" (an Amazon DocumentDB cluster created by this stack)."
  default     = "atlas"

  validation {
    condition     = contains(["atlas", "documentdb"], var.mongodb_provider)
    error_message = "mongodb_provider must be \"atlas\" or \"documentdb\"."
  }
}

variable "mongodb_connection_string" {
  type        = string
  description = "MongoDB URI (mongodb:// or mongodb+srv://) used when mongodb_provider = \"atlas\". Stored only in Secrets Manager (and in state); pass it with TF_VAR_mongodb_connection_string, never in a committed tfvars file."
  default     = null
  sensitive   = true

  validation {
    condition     = var.mongodb_provider != "atlas" || can(regex("^mongodb(\\+srv)?://", var.mongodb_connection_string))
    error_message = "mongodb_connection_string must be set to a mongodb:// or mongodb+srv:// URI when mongodb_provider is \"atlas\"."
  }
}

variable "documentdb_instance_class" {
  type        = string
  description = "Instance class of the DocumentDB instances (mongodb_provider = \"documentdb\" only)."
  default     = "db.t4g.medium"

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.documentdb_instance_class))
    error_message = "documentdb_instance_class must be an instance class such as db.t4g.medium or db.r6g.large."
  }
}

variable "documentdb_instance_count" {
  type        = number
  description = "Number of DocumentDB instances (one writer plus replicas; mongodb_provider = \"documentdb\" only)."
  default     = 2

  validation {
    condition     = floor(var.documentdb_instance_count) == var.documentdb_instance_count && var.documentdb_instance_count >= 2 && var.documentdb_instance_count <= 16
    error_message = "documentdb_instance_count must be a whole number from 2 to 16: production needs a replica to fail over to."
  }
}

variable "documentdb_engine_version" {
  type        = string
  description = "DocumentDB engine version (mongodb_provider = \"documentdb\" only)."
  default     = "5.0.0"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.documentdb_engine_version))
    error_message = "documentdb_engine_version must look like 5.0.0."
  }
}

variable "documentdb_backup_retention_days" {
  type        = number
  description = "Days of automated DocumentDB backups (mongodb_provider = \"documentdb\" only). MongoDB is the source of truth, so keep this generous."
  default     = 14

  validation {
    condition     = var.documentdb_backup_retention_days >= 1 && var.documentdb_backup_retention_days <= 35
    error_message = "documentdb_backup_retention_days must be between 1 and 35."
  }
}

variable "mongodb_atlas_egress_cidrs" {
  type        = list(string)
  description = "IPv4 CIDR blocks the tasks may reach on 27017 when mongodb_provider = \"atlas\". Atlas public endpoints have no fixed range, hence the default; narrow it to the PrivateLink or peering range when you use one."
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.mongodb_atlas_egress_cidrs) > 0 && alltrue([for cidr in var.mongodb_atlas_egress_cidrs : can(cidrhost(cidr, 0))])
    error_message = "mongodb_atlas_egress_cidrs must be a non-empty list of valid IPv4 CIDR blocks."
  }
}
