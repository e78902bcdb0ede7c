// Review conventions: pinned providers, tagged resources, typed/described/validated variables, described outputs,
// the example remote-state backend. Where a validation is a regular expression, it is run against sample values
// (Terraform's RE2 and JavaScript agree on the constructs used here).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { expressionOf, loadConfig, TF_DIR } from './lib/config.mjs';
import { CLOUDWATCH_RETENTION_DAYS } from './lib/security.mjs';

const model = await loadConfig();

/** The regular expressions a validation condition passes to regex(), as JavaScript RegExps. */
function regexesIn(condition) {
  return [...condition.matchAll(/regex\(("(?:[^"\\]|\\.)*")/g)].map((m) => new RegExp(JSON.parse(m[1]).replace(/\(\?P</g, '(?<')));
}

const conditions = (name) => (model.variable[name]?.validation ?? []).map((v) => expressionOf(v.condition) ?? '');

describe('providers and state', () => {
  const required = model.terraform.flatMap((t) => t.required_providers ?? []).reduce((all, p) => ({ ...all, ...p }), {});

  test('Terraform and the providers are pinned', () => {
    const versions = model.terraform.map((t) => t.required_version).filter(Boolean);
    assert.equal(versions.length, 1, 'exactly one required_version');
    assert.match(versions[0], /^>= 1\.\d+\.\d+, < 2\.0\.0$/);
    assert.equal(required.aws?.source, 'hashicorp/aws');
    assert.match(required.aws?.version ?? '', /^~> [56]\.\d+$/, 'aws must be pinned to one major version');
    assert.equal(required.random?.source, 'hashicorp/random');
    assert.match(required.random?.version ?? '', /^~> 3\.\d+$/);
  });

  test('every resource is tagged through the provider default_tags', () => {
    const [aws] = model.provider.aws ?? [];
    assert.ok(aws, 'no aws provider block');
    assert.equal(aws.region, '${var.aws_region}');
    const tags = aws.default_tags?.[0]?.tags ?? '';
    for (const key of ['Project', 'Environment', 'ManagedBy']) assert.match(tags, new RegExp(`\\b${key}\\b`));
  });

  test('no backend is active; the S3 backend example is commented with how to enable it', async () => {
    assert.ok(model.terraform.every((t) => !t.backend), 'a backend block is active; it must stay an example');
    const text = await readFile(path.join(TF_DIR, 'backend.tf'), 'utf8');
    assert.match(text, /^#\s+backend "s3" \{$/m);
    assert.match(text, /^#\s+use_lockfile\s+= true$/m);
    assert.match(text, /^#\s+encrypt\s+= true$/m);
    assert.match(text, /To enable it/);
    assert.match(text, /terraform init -migrate-state/);
  });
});

describe('variables', () => {
  for (const [name, variable] of Object.entries(model.variable)) {
    test(`${name} is typed and described`, () => {
      assert.ok(expressionOf(variable.type), `${name}: type must be a type expression (string, number, ...), not ${JSON.stringify(variable.type)}`);
      assert.ok(typeof variable.description === 'string' && variable.description.length >= 10, `${name}: needs a description`);
      for (const v of variable.validation ?? []) {
        assert.ok(expressionOf(v.condition), `${name}: validation condition must be an expression`);
        assert.ok(typeof v.error_message === 'string' && v.error_message.endsWith('.'), `${name}: error_message must be a sentence`);
      }
    });
  }

  test('the inputs that can be wrong in a meaningful way are validated', () => {
    for (const name of [
      'aws_region', 'name', 'environment', 'vpc_cidr', 'az_count', 'certificate_arn', 'container_image', 'task_cpu',
      'task_memory', 'desired_count', 'min_capacity', 'max_capacity', 'log_retention_days', 'redis_num_cache_clusters',
      'redis_num_shards', 'redis_replicas_per_shard',
      'mongodb_provider', 'mongodb_connection_string', 'documentdb_instance_count',
    ]) {
      assert.ok(conditions(name).length > 0, `${name} has no validation block`);
    }
    assert.match(conditions('vpc_cidr').join(), /cidrhost\(var\.vpc_cidr/);
    assert.match(conditions('az_count').join(), /var\.az_count >= 2/);
    assert.match(conditions('desired_count').join(), /var\.desired_count >= var\.min_capacity && var\.desired_count <= var\.max_capacity/);
    assert.match(conditions('container_image').join(), /!endswith\(var\.container_image, ":latest"\)/);
    assert.match(conditions('mongodb_provider').join(), /contains\(\["atlas", "documentdb"\], var\.mongodb_provider\)/);
  });

  test('the connection string is sensitive and has no default', () => {
    assert.equal(model.variable.mongodb_connection_string.sensitive, true);
    assert.equal(model.variable.mongodb_connection_string.default, null);
  });

  test('the log retention validation lists exactly the values CloudWatch accepts', () => {
    const listed = /contains\(\[([0-9, ]+)\]/.exec(conditions('log_retention_days').join())?.[1].split(',').map(Number);
    assert.deepEqual(listed, CLOUDWATCH_RETENTION_DAYS);
  });

  test('certificate_arn accepts ACM certificate ARNs only', () => {
    const [re] = regexesIn(conditions('certificate_arn').join());
    assert.ok(re.test('arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'));
    assert.ok(re.test('arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'));
    assert.ok(!re.test('arn:aws:iam::123456789012:server-certificate/cartkit'));
    assert.ok(!re.test('0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'));
  });

  test('container_image must be pinned by tag or digest', () => {
    const [re] = regexesIn(conditions('container_image').join());
    assert.ok(re.test('123456789012.dkr.ecr.eu-west-1.amazonaws.com/cartkit-sample-api:1.4.2'));
    assert.ok(re.test(`images.example.com/example/cartkit-sample-api@sha256:${'a'.repeat(64)}`));
    assert.ok(!re.test('123456789012.dkr.ecr.eu-west-1.amazonaws.com/cartkit-sample-api'));
    assert.ok(!re.test('images.example.com:5000/cartkit-sample-api'));
  });

  test('name, environment and aws_region accept their defaults and sensible values only', () => {
    const [nameRe] = regexesIn(conditions('name').join());
    assert.ok(nameRe.test(model.variable.name.default));
    assert.ok(!nameRe.test('CartKit') && !nameRe.test('a-very-long-deployment-name') && !nameRe.test('cartkit-'));
    const [envRe] = regexesIn(conditions('environment').join());
    assert.ok(envRe.test(model.variable.environment.default) && !envRe.test('prod-eu'));
    const [regionRe] = regexesIn(conditions('aws_region').join());
    assert.ok(regionRe.test('eu-west-1') && regionRe.test('us-gov-west-1') && !regionRe.test('eu-west'));
  });

  test('defaults satisfy the simple numeric bounds', () => {
    const v = (n) => model.variable[n].default;
    assert.ok(v('min_capacity') >= 2 && v('min_capacity') <= v('desired_count') && v('desired_count') <= v('max_capacity'));
    assert.ok(v('az_count') >= 2 && v('redis_num_cache_clusters') >= 2 && v('documentdb_instance_count') >= 2);
    assert.ok(CLOUDWATCH_RETENTION_DAYS.includes(v('log_retention_days')));
  });
});

describe('wiring', () => {
  test('the ECR repository ARN is derived from an ECR image reference', () => {
    const [re] = regexesIn(model.locals.ecr_image);
    const m = re.exec('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/cartkit-sample-api:1.4.2');
    assert.deepEqual({ ...m.groups }, { account: '123456789012', region: 'eu-west-1', repository: 'team/cartkit-sample-api' });
    assert.equal(re.exec(`images.example.com/example/cartkit-sample-api@sha256:${'a'.repeat(64)}`), null);
  });

  test('subnets, NAT and the service span var.az_count availability zones', () => {
    for (const name of ['public', 'private']) assert.equal(model.resource.aws_subnet[name].count, '${var.az_count}');
    assert.match(model.resource.aws_nat_gateway.main.count, /var\.az_count/);
    const redis = model.resource.aws_elasticache_replication_group.redis;
    assert.equal(redis.num_cache_clusters, '${var.redis_cluster_mode ? null : var.redis_num_cache_clusters}');
    assert.equal(redis.num_node_groups, '${var.redis_cluster_mode ? var.redis_num_shards : null}');
    assert.equal(redis.replicas_per_node_group, '${var.redis_cluster_mode ? var.redis_replicas_per_shard : null}');
  });

  test('clients connect to the configuration endpoint in cluster mode, to the primary endpoint otherwise', () => {
    assert.equal(
      model.locals.redis_endpoint,
      '${var.redis_cluster_mode ? aws_elasticache_replication_group.redis.configuration_endpoint_address : aws_elasticache_replication_group.redis.primary_endpoint_address}');
    assert.match(model.resource.aws_secretsmanager_secret_version.redis_connection_string.secret_string, /local\.redis_endpoint/);
    assert.equal(model.output.redis_endpoint.value, '${local.redis_endpoint}');
  });

  test('every output is described', () => {
    for (const [name, output] of Object.entries(model.output)) {
      assert.ok(typeof output.description === 'string' && output.description.length >= 10, `output ${name} needs a description`);
    }
  });

  test('no output exposes a secret value', () => {
    for (const [name, output] of Object.entries(model.output)) {
      assert.doesNotMatch(JSON.stringify(output.value), /random_password\.|\.secret_string\b|\.auth_token\b|\.master_password\b|\.result\b|var\.mongodb_connection_string/, `output ${name}`);
    }
  });
});

describe('README', () => {
  const readme = readFile(path.join(TF_DIR, 'README.md'), 'utf8');

  test('documents every file, input and output', async () => {
    const text = await readme;
    for (const file of model.files) assert.ok(text.includes(`\`${file.rel}\``), `README.md does not describe ${file.rel}`);
    for (const name of Object.keys(model.variable)) assert.ok(text.includes(`\`${name}\``), `README.md does not document input ${name}`);
    for (const name of Object.keys(model.output)) assert.ok(text.includes(`\`${name}\``), `README.md does not document output ${name}`);
  });

  test('explains the DocumentDB URI requirements and how to enable the backend', async () => {
    const text = await readme;
    assert.match(text, /tls=true/);
    assert.match(text, /retryWrites=false/);
    assert.match(text, /terraform init -migrate-state/);
  });
});
