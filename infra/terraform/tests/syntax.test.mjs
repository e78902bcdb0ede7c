// (1) Every .tf file under infra/terraform parses as HCL. A syntax error fails the test named after the file.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { listTfFiles, loadConfig, parseTfFile, TF_DIR } from './lib/config.mjs';

const files = await listTfFiles();

const EXPECTED = [
  'versions.tf',
  'variables.tf',
  'main.tf',
  'vpc.tf',
  'alb.tf',
  'ecs.tf',
  'elasticache.tf',
  'secrets.tf',
  'iam.tf',
  'logs.tf',
  'outputs.tf',
];

describe('HCL syntax', () => {
  test('the configuration has the files the layout promises', () => {
    const names = files.map((f) => path.relative(TF_DIR, f));
    for (const name of EXPECTED) assert.ok(names.includes(name), `${name} is missing`);
  });

  for (const file of files) {
    test(`${path.relative(TF_DIR, file)} parses`, async () => {
      await parseTfFile(file);
    });
  }

  test('the files merge into one configuration without duplicate names', async () => {
    const model = await loadConfig();
    assert.ok(Object.keys(model.resource).length > 0);
  });

  test('a syntax error is reported with the file name (the parser check can fail)', async () => {
    const broken = path.join(TF_DIR, 'broken-example.tf');
    await assert.rejects(parseTfFile(broken, 'resource "aws_vpc" "x" {\n  cidr_block = \n}\n'), /broken-example\.tf: HCL syntax error/);
    await assert.rejects(parseTfFile(broken, 'resource "aws_vpc" "x" {\n  cidr_block = "10.0.0.0/16"\n'), /broken-example\.tf/);
  });
});
