# The sample API on ECS Fargate: tasks in the private subnets (no public IPs) behind the ALB, rolled out with a
# deployment circuit breaker that rolls back a release whose tasks never become healthy, and scaled on CPU and on
# requests per task.

resource "aws_ecs_cluster" "main" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = {
    Name = local.name
  }
}

locals {
  # Plain (non-secret) settings only; everything sensitive is in local.container_secrets (secrets.tf).
  container_environment = [
    {
      name  = "ASPNETCORE_HTTP_PORTS"
      value = tostring(local.container_port)
    },
    {
      name  = "ASPNETCORE_ENVIRONMENT"
      value = "Production"
    },
    # Tasks are reachable only from the ALB (see the task security group), so the client address the ALB appends to
    # X-Forwarded-For can be trusted; without it every client would share the ALB's rate-limit partition.
    {
      name  = "Sample__RateLimit__TrustForwardedHeaders"
      value = "true"
    },
  ]
}

resource "aws_ecs_task_definition" "api" {
  family                   = "${local.name}-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # The root filesystem is read-only; /tmp (where .NET puts temporary files and its diagnostics sockets) is the one
  # writable path.
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = local.container_name
      image                  = var.container_image
      essential              = true
      readonlyRootFilesystem = true
      portMappings = [
        {
          name          = "http"
          containerPort = local.container_port
          protocol      = "tcp"
        },
      ]
      environment = local.container_environment
      secrets     = local.container_secrets
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.api.name
          "awslogs-region"        = var.aws_region
          "awslogs-stream-prefix" = "api"
          "mode"                  = "non-blocking"
          "max-buffer-size"       = "4m"
        }
      }
      # ASP.NET Core finishes in-flight requests on SIGTERM; give it the ALB's deregistration delay to do so.
      stopTimeout = 30
    },
  ])

  tags = {
    Name = "${local.name}-api"
  }
}

resource "aws_ecs_service" "api" {
  name             = "${local.name}-api"
  cluster          = aws_ecs_cluster.main.id
  task_definition  = aws_ecs_task_definition.api.arn
  desired_count    = var.desired_count
  launch_type      = "FARGATE"
  platform_version = "LATEST"

  # Roll out with extra capacity (never below the desired count) and let the ALB health check decide.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = var.health_check_grace_period_seconds

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = local.container_name
    container_port   = local.container_port
  }

  enable_ecs_managed_tags = true
  propagate_tags          = "SERVICE"
  enable_execute_command  = false

  tags = {
    Name = "${local.name}-api"
  }

  lifecycle {
    # Autoscaling owns the running count after the first apply; re-applying must not reset it.
    ignore_changes = [desired_count]
  }

  # The target group must be attached to a listener before a service can register targets in it.
  depends_on = [aws_lb_listener.https, aws_iam_role_policy.execution]
}

# ---------------------------------------------------------------------------------------------------------------
# Autoscaling: two target-tracking policies; the service scales out when either asks for it and scales in only
# when both allow it.
# ---------------------------------------------------------------------------------------------------------------

resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${local.name}-api-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  name               = "${local.name}-api-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_requests_per_target
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${aws_lb.api.arn_suffix}/${aws_lb_target_group.api.arn_suffix}"
    }
  }
}
