provider "aws" {
  region = var.aws_region

  # Every resource that supports tags gets these; resources add only a Name tag of their own.
  default_tags {
    tags = merge(var.tags, {
      Project     = "cartkit"
      Service     = "cartkit-sample-api"
      Environment = var.environment
      ManagedBy   = "terraform"
    })
  }
}

data "aws_availability_zones" "available" {
  state = "available"

  # Local Zones and Wavelength Zones are opt-in and lack services this stack needs (NAT, ElastiCache Multi-AZ).
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  name       = "${var.name}-${var.environment}"
  azs        = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # The sample API image listens here (ASPNETCORE_HTTP_PORTS); the target group, the task security group and the
  # service's load_balancer block all use this one value.
  container_name = "api"
  container_port = 8080
  redis_port     = 6379
  mongodb_port   = 27017

  use_documentdb = var.mongodb_provider == "documentdb"

  # If the image lives in ECR, the execution role may pull from exactly that repository; images from other
  # registries must be public (private registries would need repositoryCredentials, not set up here).
  ecr_image = try(regex("^(?P<account>[0-9]{12})\\.dkr\\.ecr\\.(?P<region>[a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/(?P<repository>[^:@]+)", var.container_image), null)
  ecr_repository_arn = local.ecr_image == null ? null : format(
    "arn:%s:ecr:%s:%s:repository/%s", local.partition, local.ecr_image.region, local.ecr_image.account, local.ecr_image.repository
  )
}
