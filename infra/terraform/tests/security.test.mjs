// (2) Security properties of the deployment, read from the parsed configuration. The second half breaks a copy
// of the configuration in one way at a time and asserts that the matching check notices, so none of these
// checks can pass vacuously.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from './lib/config.mjs';
import * as checks from './lib/security.mjs';

const model = await loadConfig();

describe('security properties', () => {
  test('ALB security group: ingress only on 443 and 80, from anywhere', () => checks.checkAlbIngress(model));
  test('task security group: ingress only on the container port, only from the ALB', () => checks.checkTaskIngress(model));
  test('Redis security group: ingress only on 6379, only from the tasks', () => checks.checkRedisIngress(model));
  test('DocumentDB security group: ingress only on 27017, only from the tasks; TLS and encryption on', () => checks.checkDocumentDbIngress(model));
  test('no security group but the ALB accepts 0.0.0.0/0 (or ::/0)', () => checks.checkNoOpenIngressOutsideAlb(model));
  test('the data stores have no egress rules', () => checks.checkDataStoresHaveNoEgress(model));
  test('ElastiCache: encryption in transit and at rest, automatic failover, Multi-AZ, auth token from Secrets Manager', () => checks.checkElastiCache(model));
  test('ECS service: no public IP, private subnets only (no internet gateway route, NAT for egress)', () => checks.checkServiceNetworking(model));
  test('ECS service: deployment circuit breaker with rollback', () => checks.checkDeploymentCircuitBreaker(model));
  test('every log group has a retention, and the container logs to one of them', () => checks.checkLogGroups(model));
  test('HTTPS listener uses var.certificate_arn and a TLS 1.2+ policy; HTTP only redirects to HTTPS', () => checks.checkListeners(model));
  test('target group health check uses /health/ready', () => checks.checkHealthCheck(model));
  test('secrets are ECS secrets only; the execution role reads exactly those; the task role has no permissions', () => checks.checkSecretsInjection(model));
  test('autoscaling tracks CPU and ALB requests per target', () => checks.checkAutoscaling(model));
});

/** Runs check on a deep copy of the configuration changed by mutate, and expects it to fail with message. */
async function assertCatches(check, mutate, message) {
  const copy = structuredClone(model);
  mutate(copy);
  await assert.rejects(async () => check(copy), message);
}

const rule = (m, type, name) => m.resource[type][name];
const ingress = (m, name) => rule(m, 'aws_vpc_security_group_ingress_rule', name);

describe('the security checks catch broken configurations', () => {
  test('an extra port on the ALB', () =>
    assertCatches(checks.checkAlbIngress, (m) => {
      m.resource.aws_vpc_security_group_ingress_rule.alb_ssh = { ...ingress(m, 'alb_https'), from_port: 22, to_port: 22 };
    }, /only be open on 443 and 80, not 22/));

  test('the ALB missing its HTTP port', () =>
    assertCatches(checks.checkAlbIngress, (m) => {
      delete m.resource.aws_vpc_security_group_ingress_rule.alb_http;
    }, /exactly 80 and 443/));

  test('the tasks reachable from a CIDR instead of the ALB', () =>
    assertCatches(checks.checkTaskIngress, (m) => {
      const r = ingress(m, 'tasks_from_alb');
      delete r.referenced_security_group_id;
      r.cidr_ipv4 = '10.0.0.0/8';
    }, /must not allow CIDR sources/));

  test('the tasks open on another port', () =>
    assertCatches(checks.checkTaskIngress, (m) => {
      ingress(m, 'tasks_from_alb').to_port = 8090;
    }, /to_port must be 8080/));

  test('Redis reachable from the ALB', () =>
    assertCatches(checks.checkRedisIngress, (m) => {
      ingress(m, 'redis_from_tasks').referenced_security_group_id = '${aws_security_group.alb.id}';
    }, /source alb is not one of tasks/));

  test('Redis on a port range', () =>
    assertCatches(checks.checkRedisIngress, (m) => {
      ingress(m, 'redis_from_tasks').to_port = 6390;
    }, /to_port must be 6379/));

  test('DocumentDB reachable on another port', () =>
    assertCatches(checks.checkDocumentDbIngress, (m) => {
      ingress(m, 'documentdb_from_tasks').from_port = 27016;
    }, /from_port must be 27017/));

  test('DocumentDB without TLS', () =>
    assertCatches(checks.checkDocumentDbIngress, (m) => {
      m.resource.aws_docdb_cluster_parameter_group.mongo.parameter[0].value = 'disabled';
    }, /tls = enabled/));

  test('a legacy aws_security_group_rule opening Redis to the internet', () =>
    assertCatches(checks.checkNoOpenIngressOutsideAlb, (m) => {
      m.resource.aws_security_group_rule = {
        redis_open: { type: 'ingress', security_group_id: '${aws_security_group.redis.id}', protocol: 'tcp', from_port: 6379, to_port: 6379, cidr_blocks: ['0.0.0.0/0'] },
      };
    }, /only the ALB may be open to 0\.0\.0\.0\/0/));

  test('an inline ingress block opening the tasks to ::/0', () =>
    assertCatches(checks.checkNoOpenIngressOutsideAlb, (m) => {
      m.resource.aws_security_group.tasks.ingress = [{ protocol: 'tcp', from_port: 8080, to_port: 8080, ipv6_cidr_blocks: ['::/0'] }];
    }, /only the ALB may be open to ::\/0/));

  test('an ingress CIDR that comes from a variable', () =>
    assertCatches(checks.checkNoOpenIngressOutsideAlb, (m) => {
      m.resource.aws_vpc_security_group_ingress_rule.tasks_extra = { ...ingress(m, 'tasks_from_alb'), referenced_security_group_id: undefined, cidr_ipv4: '${var.allowed_cidr}' };
    }, /cannot be checked/));

  test('egress from Redis', () =>
    assertCatches(checks.checkDataStoresHaveNoEgress, (m) => {
      m.resource.aws_vpc_security_group_egress_rule.redis_out = { security_group_id: '${aws_security_group.redis.id}', ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' };
    }, /no egress rules/));

  for (const flag of ['transit_encryption_enabled', 'at_rest_encryption_enabled', 'automatic_failover_enabled', 'multi_az_enabled']) {
    test(`ElastiCache with ${flag} = false`, () =>
      assertCatches(checks.checkElastiCache, (m) => {
        m.resource.aws_elasticache_replication_group.redis[flag] = false;
      }, new RegExp(`${flag} must be true`)));
  }

  test('ElastiCache in cluster mode without a replica per shard', () =>
    assertCatches(checks.checkElastiCache, (m) => {
      m.variable.redis_replicas_per_shard.default = 0;
    }, /var\.redis_cluster_mode = true\): replicas_per_node_group must be at least 1/));

  test('ElastiCache with a single node when cluster mode is off', () =>
    assertCatches(checks.checkElastiCache, (m) => {
      m.variable.redis_num_cache_clusters.default = 1;
    }, /var\.redis_cluster_mode = false\): num_cache_clusters must be at least 2/));

  test('ElastiCache with shards but cluster mode disabled', () =>
    assertCatches(checks.checkElastiCache, (m) => {
      m.resource.aws_elasticache_replication_group.redis.cluster_mode = 'disabled';
    }, /need cluster_mode = "enabled"/));

  test('ElastiCache without an auth token', () =>
    assertCatches(checks.checkElastiCache, (m) => {
      delete m.resource.aws_elasticache_replication_group.redis.auth_token;
    }, /auth_token must come from a Secrets Manager secret version/));

  test('ElastiCache with a literal auth token', () =>
    assertCatches(checks.checkElastiCache, (m) => {
      m.resource.aws_elasticache_replication_group.redis.auth_token = 'hunter2hunter2hunter2';
    }, /auth_token must come from a Secrets Manager secret version/));

  test('tasks with public IPs', () =>
    assertCatches(checks.checkServiceNetworking, (m) => {
      m.resource.aws_ecs_service.api.network_configuration[0].assign_public_ip = true;
    }, /assign_public_ip must be false/));

  test('tasks in the public subnets', () =>
    assertCatches(checks.checkServiceNetworking, (m) => {
      m.resource.aws_ecs_service.api.network_configuration[0].subnets = '${aws_subnet.public[*].id}';
    }, /routes to an internet gateway|must go through a NAT gateway/));

  test('the private subnets routed to the internet gateway', () =>
    assertCatches(checks.checkServiceNetworking, (m) => {
      const route = m.resource.aws_route.private_nat;
      delete route.nat_gateway_id;
      route.gateway_id = '${aws_internet_gateway.main.id}';
    }, /routes to an internet gateway/));

  test('a circuit breaker without rollback', () =>
    assertCatches(checks.checkDeploymentCircuitBreaker, (m) => {
      m.resource.aws_ecs_service.api.deployment_circuit_breaker[0].rollback = false;
    }, /rollback must be true/));

  test('a log group without retention', () =>
    assertCatches(checks.checkLogGroups, (m) => {
      delete m.resource.aws_cloudwatch_log_group.api.retention_in_days;
    }, /retention_in_days must be set/));

  test('a retention CloudWatch does not accept', () =>
    assertCatches(checks.checkLogGroups, (m) => {
      m.variable.log_retention_days.default = 42;
    }, /retention_in_days must be set/));

  test('an HTTPS listener with a hard-coded certificate', () =>
    assertCatches(checks.checkListeners, (m) => {
      m.resource.aws_lb_listener.https.certificate_arn = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';
    }, /certificate_arn must be var\.certificate_arn/));

  test('an HTTP listener that forwards instead of redirecting', () =>
    assertCatches(checks.checkListeners, (m) => {
      m.resource.aws_lb_listener.http_redirect.default_action = [{ type: 'forward', target_group_arn: '${aws_lb_target_group.api.arn}' }];
    }, /HTTP may only redirect/));

  test('a health check on the liveness endpoint', () =>
    assertCatches(checks.checkHealthCheck, (m) => {
      m.resource.aws_lb_target_group.api.health_check[0].path = '/health/live';
    }, /must use \/health\/ready/));

  test('a secret passed as a plain environment variable', () =>
    assertCatches(checks.checkSecretsInjection, (m) => {
      m.locals.container_secrets = m.locals.container_secrets.filter((s) => s.name !== 'Sample__PaymentApiKey');
      m.locals.container_environment.push({ name: 'Sample__PaymentApiKey', value: '${random_password.payment_api_key.result}' });
    }, /Sample__PaymentApiKey must be an ECS secret/));

  test('an execution role that can read every secret', () =>
    assertCatches(checks.checkSecretsInjection, (m) => {
      const statement = m.data.aws_iam_policy_document.execution.statement.find((s) => s.sid === 'ReadInjectedSecrets');
      statement.resources = ['*'];
    }, /must name secrets of this configuration/));

  test('a task role with permissions', () =>
    assertCatches(checks.checkSecretsInjection, (m) => {
      m.resource.aws_iam_role_policy_attachment = { task_admin: { role: '${aws_iam_role.task.name}', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } };
    }, /managed policy attached to aws_iam_role\.task/));

  test('no scaling on requests', () =>
    assertCatches(checks.checkAutoscaling, (m) => {
      delete m.resource.aws_appautoscaling_policy.requests;
    }, /ALB requests per target/));
});
