// Security properties of the deployment, checked on the parsed configuration. Each check throws an
// AssertionError naming the offending resource; security.test.mjs runs them on the real configuration and on
// deliberately broken copies of it, so a check that could never fail is caught too.
import assert from 'node:assert/strict';
import {
  expressionOf,
  parseJsonencodeArgument,
  referencedName,
  resolve,
  resource,
  resources,
} from './config.mjs';

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);
const LITERAL_CIDR = /^[0-9a-fA-F.:]+\/[0-9]{1,3}$/;
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
export const INJECTED_SECRETS = ['ConnectionStrings__Redis', 'ConnectionStrings__Mongo', 'Sample__PaymentApiKey'];

const asList = (model, value) => {
  const resolved = resolve(model, value);
  if (resolved === undefined || resolved === null) return [];
  return Array.isArray(resolved) ? resolved.map((v) => resolve(model, v)) : [resolved];
};

const sgName = (value) => referencedName(value, 'aws_security_group');

/** Names of the security groups a list-valued attribute (security_groups, vpc_security_group_ids, ...) uses. */
function securityGroupsOf(model, value, where) {
  const names = asList(model, value).map((v) => {
    const name = sgName(v);
    assert.ok(name, `${where}: ${JSON.stringify(v)} is not a reference to an aws_security_group of this configuration`);
    return name;
  });
  assert.ok(names.length > 0, `${where}: no security groups`);
  return names;
}

/**
 * Every security group rule in the configuration, whichever way it is written (aws_vpc_security_group_*_rule,
 * aws_security_group_rule, or inline ingress/egress blocks), normalised to
 * { direction, origin, sg, protocol, from, to, cidrs, sourceSgs, prefixLists, dynamic }.
 */
export function collectRules(model) {
  const rules = [];
  const port = (v) => resolve(model, v);

  for (const direction of ['ingress', 'egress']) {
    const type = `aws_vpc_security_group_${direction}_rule`;
    for (const [name, r] of resources(model, type)) {
      rules.push({
        direction,
        origin: `${type}.${name}`,
        sg: sgName(r.security_group_id),
        protocol: String(resolve(model, r.ip_protocol)),
        from: port(r.from_port),
        to: port(r.to_port),
        cidrs: [r.cidr_ipv4, r.cidr_ipv6].filter((c) => c !== undefined && c !== null).map((c) => resolve(model, c)),
        sourceSgs: r.referenced_security_group_id === undefined ? [] : [sgName(r.referenced_security_group_id) ?? r.referenced_security_group_id],
        prefixLists: r.prefix_list_id === undefined ? [] : [r.prefix_list_id],
      });
    }
  }

  for (const [name, r] of resources(model, 'aws_security_group_rule')) {
    const self = r.self === true ? [sgName(r.security_group_id)] : [];
    rules.push({
      direction: r.type,
      origin: `aws_security_group_rule.${name}`,
      sg: sgName(r.security_group_id),
      protocol: String(resolve(model, r.protocol)),
      from: port(r.from_port),
      to: port(r.to_port),
      cidrs: [...asList(model, r.cidr_blocks), ...asList(model, r.ipv6_cidr_blocks)],
      sourceSgs: [...(r.source_security_group_id === undefined ? [] : [sgName(r.source_security_group_id) ?? r.source_security_group_id]), ...self],
      prefixLists: asList(model, r.prefix_list_ids),
    });
  }

  for (const [name, sg] of resources(model, 'aws_security_group')) {
    for (const direction of ['ingress', 'egress']) {
      for (const block of sg[direction] ?? []) {
        rules.push({
          direction,
          origin: `aws_security_group.${name} inline ${direction}`,
          sg: name,
          protocol: String(resolve(model, block.protocol)),
          from: port(block.from_port),
          to: port(block.to_port),
          cidrs: [...asList(model, block.cidr_blocks), ...asList(model, block.ipv6_cidr_blocks)],
          sourceSgs: [...asList(model, block.security_groups).map((v) => sgName(v) ?? v), ...(block.self === true ? [name] : [])],
          prefixLists: asList(model, block.prefix_list_ids),
        });
      }
      if (sg.dynamic?.[direction]) {
        // Rules generated at plan time cannot be checked here; treat them as wide open so they fail the checks.
        rules.push({
          direction,
          origin: `aws_security_group.${name} dynamic ${direction}`,
          sg: name,
          protocol: '-1',
          from: 0,
          to: 65535,
          cidrs: ['<dynamic>'],
          sourceSgs: [],
          prefixLists: [],
          dynamic: true,
        });
      }
    }
  }
  return rules;
}

const rulesOf = (model, direction, sgs) => collectRules(model).filter((r) => r.direction === direction && sgs.includes(r.sg));

/** The security groups as the resources actually use them, so the checks follow the real wiring, not names. */
export function securityGroupRoles(model) {
  const albs = resources(model, 'aws_lb');
  const services = resources(model, 'aws_ecs_service');
  const redis = resources(model, 'aws_elasticache_replication_group');
  const docdb = resources(model, 'aws_docdb_cluster');
  assert.ok(albs.length > 0, 'no aws_lb');
  assert.ok(services.length > 0, 'no aws_ecs_service');
  assert.ok(redis.length > 0, 'no aws_elasticache_replication_group');
  return {
    alb: [...new Set(albs.flatMap(([n, lb]) => securityGroupsOf(model, lb.security_groups, `aws_lb.${n}`)))],
    tasks: [...new Set(services.flatMap(([n, s]) => securityGroupsOf(model, s.network_configuration?.[0]?.security_groups, `aws_ecs_service.${n} network_configuration`)))],
    redis: [...new Set(redis.flatMap(([n, r]) => securityGroupsOf(model, r.security_group_ids, `aws_elasticache_replication_group.${n}`)))],
    documentdb: [...new Set(docdb.flatMap(([n, c]) => securityGroupsOf(model, c.vpc_security_group_ids, `aws_docdb_cluster.${n}`)))],
  };
}

function assertSinglePortFromGroups(rule, port, allowedSources) {
  assert.equal(rule.protocol, 'tcp', `${rule.origin}: protocol must be tcp, is ${rule.protocol}`);
  assert.equal(rule.from, port, `${rule.origin}: from_port must be ${port}, is ${JSON.stringify(rule.from)}`);
  assert.equal(rule.to, port, `${rule.origin}: to_port must be ${port}, is ${JSON.stringify(rule.to)}`);
  assert.deepEqual(rule.cidrs, [], `${rule.origin}: must not allow CIDR sources (${rule.cidrs.join(', ')})`);
  assert.deepEqual(rule.prefixLists, [], `${rule.origin}: must not allow prefix-list sources`);
  assert.ok(rule.sourceSgs.length > 0, `${rule.origin}: has no source security group`);
  for (const source of rule.sourceSgs) {
    assert.ok(allowedSources.includes(source), `${rule.origin}: source ${source} is not one of ${allowedSources.join(', ')}`);
  }
}

/** The container port, as the service's load_balancer block uses it (and the target group and container must agree). */
export async function containerPort(model) {
  const [[serviceName, service]] = resources(model, 'aws_ecs_service');
  const port = resolve(model, service.load_balancer?.[0]?.container_port);
  assert.equal(typeof port, 'number', `aws_ecs_service.${serviceName} load_balancer.container_port must resolve to a number`);
  for (const [name, tg] of resources(model, 'aws_lb_target_group')) {
    assert.equal(resolve(model, tg.port), port, `aws_lb_target_group.${name} port must be the container port ${port}`);
  }
  const container = (await containerDefinitions(model))[0];
  const mapped = asList(model, container.portMappings).map((m) => resolve(model, m.containerPort));
  assert.deepEqual(mapped, [port], `the container must expose exactly the container port ${port}`);
  return port;
}

export function checkAlbIngress(model) {
  const { alb } = securityGroupRoles(model);
  const rules = rulesOf(model, 'ingress', alb);
  const ports = new Set();
  for (const rule of rules) {
    assert.equal(rule.protocol, 'tcp', `${rule.origin}: protocol must be tcp`);
    assert.equal(rule.from, rule.to, `${rule.origin}: must open a single port, opens ${rule.from}-${rule.to}`);
    assert.ok([80, 443].includes(rule.from), `${rule.origin}: the ALB may only be open on 443 and 80, not ${rule.from}`);
    assert.deepEqual(rule.sourceSgs, [], `${rule.origin}: unexpected security-group source`);
    assert.deepEqual(rule.prefixLists, [], `${rule.origin}: unexpected prefix-list source`);
    assert.ok(rule.cidrs.length > 0 && rule.cidrs.every((c) => OPEN_CIDRS.has(c)), `${rule.origin}: must be open to 0.0.0.0/0 (or ::/0), is ${rule.cidrs.join(', ')}`);
    ports.add(rule.from);
  }
  assert.deepEqual([...ports].sort((a, b) => a - b), [80, 443], 'the ALB security group must allow exactly 80 and 443');
}

export async function checkTaskIngress(model) {
  const { alb, tasks } = securityGroupRoles(model);
  const port = await containerPort(model);
  const rules = rulesOf(model, 'ingress', tasks);
  assert.ok(rules.length > 0, 'the task security group has no ingress rule, so the ALB cannot reach the tasks');
  for (const rule of rules) assertSinglePortFromGroups(rule, port, alb);
}

export function checkRedisIngress(model) {
  const { tasks, redis } = securityGroupRoles(model);
  for (const [name, group] of resources(model, 'aws_elasticache_replication_group')) {
    assert.equal(resolve(model, group.port), 6379, `aws_elasticache_replication_group.${name} must listen on 6379`);
  }
  const rules = rulesOf(model, 'ingress', redis);
  assert.ok(rules.length > 0, 'the Redis security group has no ingress rule');
  for (const rule of rules) assertSinglePortFromGroups(rule, 6379, tasks);
}

export function checkDocumentDbIngress(model) {
  const { tasks, documentdb } = securityGroupRoles(model);
  for (const [name, cluster] of resources(model, 'aws_docdb_cluster')) {
    assert.equal(resolve(model, cluster.port), 27017, `aws_docdb_cluster.${name} must listen on 27017`);
    assert.equal(cluster.storage_encrypted, true, `aws_docdb_cluster.${name} must set storage_encrypted = true`);
    const groupName = referencedName(cluster.db_cluster_parameter_group_name, 'aws_docdb_cluster_parameter_group', 'name');
    const params = resource(model, 'aws_docdb_cluster_parameter_group', groupName)?.parameter ?? [];
    assert.ok(params.some((p) => p.name === 'tls' && p.value === 'enabled'), `aws_docdb_cluster.${name} must use a parameter group with tls = enabled`);
  }
  const rules = rulesOf(model, 'ingress', documentdb);
  if (documentdb.length > 0) assert.ok(rules.length > 0, 'the DocumentDB security group has no ingress rule');
  for (const rule of rules) assertSinglePortFromGroups(rule, 27017, tasks);
}

export function checkNoOpenIngressOutsideAlb(model) {
  const { alb } = securityGroupRoles(model);
  for (const rule of collectRules(model).filter((r) => r.direction === 'ingress')) {
    assert.ok(rule.sg, `${rule.origin}: security_group_id must reference an aws_security_group of this configuration`);
    assert.notEqual(rule.protocol, '-1', `${rule.origin}: ingress on all protocols`);
    if (alb.includes(rule.sg)) continue;
    for (const cidr of rule.cidrs) {
      assert.ok(typeof cidr === 'string' && LITERAL_CIDR.test(cidr), `${rule.origin}: ingress CIDR ${JSON.stringify(cidr)} cannot be checked; only the ALB may take CIDR sources that are not literal`);
      assert.ok(!OPEN_CIDRS.has(cidr), `${rule.origin}: only the ALB may be open to ${cidr}`);
    }
  }
}

export function checkDataStoresHaveNoEgress(model) {
  const { redis, documentdb } = securityGroupRoles(model);
  const egress = rulesOf(model, 'egress', [...redis, ...documentdb]);
  assert.deepEqual(egress.map((r) => r.origin), [], 'the Redis and DocumentDB security groups must have no egress rules');
}

export function checkElastiCache(model) {
  const groups = resources(model, 'aws_elasticache_replication_group');
  assert.ok(groups.length > 0, 'no aws_elasticache_replication_group');
  for (const [name, g] of groups) {
    const where = `aws_elasticache_replication_group.${name}`;
    assert.equal(g.transit_encryption_enabled, true, `${where}: transit_encryption_enabled must be true`);
    assert.equal(g.at_rest_encryption_enabled, true, `${where}: at_rest_encryption_enabled must be true`);
    assert.equal(g.automatic_failover_enabled, true, `${where}: automatic_failover_enabled must be true`);
    assert.equal(g.multi_az_enabled, true, `${where}: multi_az_enabled must be true`);
    const token = expressionOf(g.auth_token);
    assert.ok(token && /^aws_secretsmanager_secret_version\.[A-Za-z0-9_-]+\.secret_string$/.test(token), `${where}: auth_token must come from a Secrets Manager secret version, is ${JSON.stringify(g.auth_token)}`);
    // Either way the group can run, every primary has a replica to fail over to.
    for (const mode of modesOf(model, g)) {
      const at = mode.name ? `${where} (${mode.name})` : where;
      const nodes = mode.resolve(g.num_cache_clusters);
      const shards = mode.resolve(g.num_node_groups);
      const replicas = mode.resolve(g.replicas_per_node_group);
      if (shards === undefined || shards === null) {
        assert.ok(typeof nodes === 'number' && nodes >= 2, `${at}: num_cache_clusters must be at least 2 (a replica to fail over to)`);
      } else {
        assert.ok(typeof shards === 'number' && shards >= 1, `${at}: num_node_groups must be at least 1`);
        assert.ok(typeof replicas === 'number' && replicas >= 1, `${at}: replicas_per_node_group must be at least 1 (a replica per shard to fail over to)`);
        assert.equal(mode.resolve(g.cluster_mode), 'enabled', `${at}: shards (num_node_groups) need cluster_mode = "enabled"`);
      }
    }
  }
}

/**
 * The ways a resource can be configured when its attributes switch on one boolean variable
 * (`${var.flag ? a : b}`): one mode per value of that variable, each resolving such an attribute to its branch (a
 * literal or another variable's default). A resource without such switches has one mode.
 */
function modesOf(model, resourceBody) {
  const switchPattern = /^var\.([A-Za-z0-9_-]+) \? (.+) : (.+)$/;
  const flags = new Set(Object.values(resourceBody)
    .map((v) => switchPattern.exec(expressionOf(v) ?? '')?.[1])
    .filter(Boolean));
  assert.ok(flags.size <= 1, `switches on more than one variable: ${[...flags].join(', ')}`);
  if (flags.size === 0) return [{ name: null, resolve: (v) => resolve(model, v) }];
  const [flag] = flags;
  const branch = (text) => (text === 'null' ? null : /^".*"$/.test(text) ? JSON.parse(text) : resolve(model, `\${${text}}`));
  return [true, false].map((on) => ({
    name: `var.${flag} = ${on}`,
    resolve: (v) => {
      const m = switchPattern.exec(expressionOf(v) ?? '');
      if (!m) return resolve(model, v);
      assert.equal(m[1], flag);
      return branch(on ? m[2] : m[3]);
    },
  }));
}

/** A subnet is private when it maps no public IPs and every route table it uses sends 0.0.0.0/0 to a NAT gateway. */
function assertPrivateSubnet(model, subnetName, where) {
  const subnet = resource(model, 'aws_subnet', subnetName);
  assert.ok(subnet, `${where}: aws_subnet.${subnetName} does not exist`);
  assert.notEqual(subnet.map_public_ip_on_launch, true, `${where}: aws_subnet.${subnetName} maps public IPs on launch`);
  const tables = resources(model, 'aws_route_table_association')
    .filter(([, a]) => new RegExp(`\\baws_subnet\\.${subnetName}\\b`).test(a.subnet_id ?? ''))
    .map(([, a]) => /\baws_route_table\.([A-Za-z0-9_-]+)/.exec(a.route_table_id ?? '')?.[1]);
  assert.ok(tables.length > 0 && tables.every(Boolean), `${where}: aws_subnet.${subnetName} has no route table association`);
  for (const table of tables) {
    const routes = [
      ...(resource(model, 'aws_route_table', table)?.route ?? []),
      ...resources(model, 'aws_route').filter(([, r]) => new RegExp(`\\baws_route_table\\.${table}\\b`).test(r.route_table_id ?? '')).map(([, r]) => r),
    ];
    for (const route of routes) {
      assert.ok(!/aws_internet_gateway|aws_egress_only_internet_gateway/.test(route.gateway_id ?? ''), `${where}: route table ${table} of aws_subnet.${subnetName} routes to an internet gateway`);
    }
    const defaults = routes.filter((r) => (r.destination_cidr_block ?? r.cidr_block) === '0.0.0.0/0');
    assert.ok(defaults.length > 0 && defaults.every((r) => /\baws_nat_gateway\./.test(r.nat_gateway_id ?? '')), `${where}: the default route of ${table} must go through a NAT gateway`);
  }
}

export function checkServiceNetworking(model) {
  for (const [name, service] of resources(model, 'aws_ecs_service')) {
    const where = `aws_ecs_service.${name}`;
    const network = service.network_configuration?.[0];
    assert.ok(network, `${where}: no network_configuration`);
    assert.equal(network.assign_public_ip, false, `${where}: network_configuration.assign_public_ip must be false`);
    const subnetExpr = JSON.stringify(network.subnets ?? '');
    const subnets = [...subnetExpr.matchAll(/\baws_subnet\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
    assert.ok(subnets.length > 0, `${where}: subnets must reference aws_subnet resources of this configuration`);
    for (const subnet of subnets) assertPrivateSubnet(model, subnet, where);
  }
}

export function checkDeploymentCircuitBreaker(model) {
  for (const [name, service] of resources(model, 'aws_ecs_service')) {
    const breaker = service.deployment_circuit_breaker?.[0];
    assert.ok(breaker, `aws_ecs_service.${name}: no deployment_circuit_breaker`);
    assert.equal(breaker.enable, true, `aws_ecs_service.${name}: deployment_circuit_breaker.enable must be true`);
    assert.equal(breaker.rollback, true, `aws_ecs_service.${name}: deployment_circuit_breaker.rollback must be true`);
  }
}

export async function containerDefinitions(model) {
  const defs = resources(model, 'aws_ecs_task_definition');
  assert.equal(defs.length, 1, 'expected exactly one aws_ecs_task_definition');
  const parsed = await parseJsonencodeArgument(defs[0][1].container_definitions);
  assert.ok(Array.isArray(parsed) && parsed.length > 0, 'container_definitions must be a non-empty list');
  return parsed;
}

export async function checkLogGroups(model) {
  const groups = resources(model, 'aws_cloudwatch_log_group');
  assert.ok(groups.length > 0, 'no aws_cloudwatch_log_group');
  for (const [name, group] of groups) {
    const days = resolve(model, group.retention_in_days);
    assert.ok(CLOUDWATCH_RETENTION_DAYS.includes(days), `aws_cloudwatch_log_group.${name}: retention_in_days must be set to a CloudWatch retention value, is ${JSON.stringify(group.retention_in_days)}`);
  }
  for (const container of await containerDefinitions(model)) {
    const logging = resolve(model, container.logConfiguration);
    assert.equal(logging?.logDriver, 'awslogs', `container ${container.name}: logDriver must be awslogs`);
    const group = referencedName(logging.options?.['awslogs-group'], 'aws_cloudwatch_log_group', 'name');
    assert.ok(group && resource(model, 'aws_cloudwatch_log_group', group), `container ${container.name}: awslogs-group must be a log group of this configuration`);
  }
}

export function checkListeners(model) {
  const listeners = resources(model, 'aws_lb_listener');
  const https = listeners.filter(([, l]) => l.protocol === 'HTTPS');
  const http = listeners.filter(([, l]) => l.protocol === 'HTTP');
  assert.ok(https.length > 0, 'no HTTPS listener');
  assert.ok(http.length > 0, 'no HTTP listener to redirect to HTTPS');
  assert.equal(https.length + http.length, listeners.length, 'listeners must be HTTPS, or HTTP redirecting to HTTPS');
  for (const [name, l] of https) {
    assert.equal(l.port, 443, `aws_lb_listener.${name}: HTTPS listener must be on 443`);
    assert.equal(l.certificate_arn, '${var.certificate_arn}', `aws_lb_listener.${name}: certificate_arn must be var.certificate_arn`);
    const policy = resolve(model, l.ssl_policy);
    assert.ok(typeof policy === 'string' && /^ELBSecurityPolicy-(TLS13-|FS-1-2-)/.test(policy), `aws_lb_listener.${name}: ssl_policy must be a TLS 1.2+ policy, is ${JSON.stringify(policy)}`);
    assert.equal(l.default_action?.[0]?.type, 'forward', `aws_lb_listener.${name}: default action must forward to the target group`);
  }
  for (const [name, l] of http) {
    assert.equal(l.port, 80, `aws_lb_listener.${name}: HTTP listener must be on 80`);
    const actions = l.default_action ?? [];
    assert.ok(actions.length > 0, `aws_lb_listener.${name}: no default action`);
    for (const action of actions) {
      assert.equal(action.type, 'redirect', `aws_lb_listener.${name}: HTTP may only redirect, not ${action.type}`);
      const redirect = action.redirect?.[0] ?? {};
      assert.equal(redirect.protocol, 'HTTPS', `aws_lb_listener.${name}: must redirect to HTTPS`);
      assert.equal(String(redirect.port), '443', `aws_lb_listener.${name}: must redirect to port 443`);
      assert.equal(redirect.status_code, 'HTTP_301', `aws_lb_listener.${name}: redirect must be permanent (HTTP_301)`);
    }
    for (const [ruleName, rule] of resources(model, 'aws_lb_listener_rule')) {
      assert.ok(!new RegExp(`\\baws_lb_listener\\.${name}\\b`).test(rule.listener_arn ?? ''), `aws_lb_listener_rule.${ruleName}: adds rules to the HTTP listener`);
    }
  }
}

export function checkHealthCheck(model) {
  const groups = resources(model, 'aws_lb_target_group');
  assert.ok(groups.length > 0, 'no aws_lb_target_group');
  for (const [name, tg] of groups) {
    const check = tg.health_check?.[0];
    assert.ok(check, `aws_lb_target_group.${name}: no health_check`);
    assert.equal(check.path, '/health/ready', `aws_lb_target_group.${name}: health check must use /health/ready`);
    assert.notEqual(check.enabled, false, `aws_lb_target_group.${name}: health check is disabled`);
  }
}

/** Secrets reach the container only as ECS secrets, and the execution role can read exactly those. */
export async function checkSecretsInjection(model) {
  const [container] = await containerDefinitions(model);
  const secrets = asList(model, container.secrets);
  const environment = asList(model, container.environment);
  const byName = new Map(secrets.map((s) => [s.name, s]));
  const secretResources = [];
  for (const name of INJECTED_SECRETS) {
    assert.ok(byName.has(name), `${name} must be an ECS secret of the container`);
    const secretName = referencedName(byName.get(name).valueFrom, 'aws_secretsmanager_secret', 'arn');
    assert.ok(secretName && resource(model, 'aws_secretsmanager_secret', secretName), `${name}: valueFrom must be the ARN of an aws_secretsmanager_secret of this configuration`);
    secretResources.push(secretName);
  }
  for (const variable of environment) {
    assert.ok(!INJECTED_SECRETS.includes(variable.name), `${variable.name} must not be a plain environment variable`);
    assert.ok(!/aws_secretsmanager|random_password|connection_string/.test(JSON.stringify(variable.value)), `environment variable ${variable.name} carries a secret value`);
  }

  const [[, taskDefinition]] = resources(model, 'aws_ecs_task_definition');
  const executionRole = referencedName(taskDefinition.execution_role_arn, 'aws_iam_role', 'arn');
  const taskRole = referencedName(taskDefinition.task_role_arn, 'aws_iam_role', 'arn');
  assert.ok(executionRole && taskRole, 'the task definition must use an execution role and a task role of this configuration');
  assert.notEqual(executionRole, taskRole, 'the execution role and the task role must be different roles');

  const statements = policyStatementsOfRole(model, executionRole);
  const readers = statements.filter((s) => asList(model, s.actions).some((a) => /^secretsmanager:/.test(a)));
  assert.ok(readers.length > 0, `aws_iam_role.${executionRole} cannot read the secrets`);
  const readable = new Set();
  for (const statement of readers) {
    for (const arn of asList(model, statement.resources)) {
      const secretName = referencedName(arn, 'aws_secretsmanager_secret', 'arn');
      assert.ok(secretName, `aws_iam_role.${executionRole}: secretsmanager access must name secrets of this configuration, not ${JSON.stringify(arn)}`);
      readable.add(secretName);
    }
  }
  assert.deepEqual([...readable].sort(), [...secretResources].sort(), `aws_iam_role.${executionRole} must read exactly the injected secrets`);

  assert.deepEqual(policyStatementsOfRole(model, taskRole), [], `aws_iam_role.${taskRole}: the task role must have no permissions (the app uses no AWS API)`);
}

/** Statements of every policy attached to a role (inline aws_iam_role_policy via aws_iam_policy_document; attachments are refused). */
function policyStatementsOfRole(model, roleName) {
  const role = resource(model, 'aws_iam_role', roleName);
  assert.ok(role, `aws_iam_role.${roleName} does not exist`);
  assert.ok(!role.managed_policy_arns && !role.inline_policy, `aws_iam_role.${roleName}: use aws_iam_role_policy, not managed_policy_arns or inline_policy`);
  const refersToRole = (v) => new RegExp(`\\baws_iam_role\\.${roleName}\\.(id|name)\\b`).test(v ?? '');
  for (const type of ['aws_iam_role_policy_attachment', 'aws_iam_policy_attachment']) {
    for (const [name, a] of resources(model, type)) {
      assert.ok(!refersToRole(a.role) && !JSON.stringify(a.roles ?? '').includes(`aws_iam_role.${roleName}.`), `${type}.${name}: managed policy attached to aws_iam_role.${roleName}`);
    }
  }
  const statements = [];
  for (const [name, p] of resources(model, 'aws_iam_role_policy').filter(([, p]) => refersToRole(p.role))) {
    const doc = referencedName(p.policy, 'data.aws_iam_policy_document', 'json');
    const body = doc && model.data.aws_iam_policy_document?.[doc];
    assert.ok(body, `aws_iam_role_policy.${name}: policy must come from a data.aws_iam_policy_document`);
    statements.push(...(body.statement ?? []), ...(body.dynamic?.statement ?? []).map((d) => d.content?.[0] ?? {}));
  }
  return statements;
}

export function checkAutoscaling(model) {
  const policies = resources(model, 'aws_appautoscaling_policy');
  const metrics = policies.map(([, p]) => {
    assert.equal(p.policy_type, 'TargetTrackingScaling');
    return p.target_tracking_scaling_policy_configuration?.[0]?.predefined_metric_specification?.[0]?.predefined_metric_type;
  });
  assert.ok(metrics.includes('ECSServiceAverageCPUUtilization'), 'no target-tracking policy on CPU');
  assert.ok(metrics.includes('ALBRequestCountPerTarget'), 'no target-tracking policy on ALB requests per target');
  const targets = resources(model, 'aws_appautoscaling_target');
  assert.equal(targets.length, 1, 'expected one aws_appautoscaling_target');
  assert.equal(targets[0][1].scalable_dimension, 'ecs:service:DesiredCount');
}

export const SECURITY_CHECKS = {
  checkAlbIngress,
  checkTaskIngress,
  checkRedisIngress,
  checkDocumentDbIngress,
  checkNoOpenIngressOutsideAlb,
  checkDataStoresHaveNoEgress,
  checkElastiCache,
  checkServiceNetworking,
  checkDeploymentCircuitBreaker,
  checkLogGroups,
  checkListeners,
  checkHealthCheck,
  checkSecretsInjection,
  checkAutoscaling,
};
