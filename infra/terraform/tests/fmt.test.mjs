// (3) terraform fmt style, approximated (see lib/fmt.mjs): the real `terraform fmt -check` runs in GitHub Actions.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { listTfFiles, TF_DIR } from './lib/config.mjs';
import { fmtProblems } from './lib/fmt.mjs';

const files = await listTfFiles();
const messages = (text) => fmtProblems(text).map((p) => `${p.line}: ${p.message}`);

describe('terraform fmt style', () => {
  for (const file of files) {
    const rel = path.relative(TF_DIR, file);
    test(`${rel} is formatted`, async () => {
      const problems = messages(await readFile(file, 'utf8'));
      assert.deepEqual(problems, [], `${rel} differs from terraform fmt style:\n  ${problems.join('\n  ')}`);
    });
  }
});

describe('the fmt approximation catches what terraform fmt would change', () => {
  const clean = [
    'resource "aws_vpc" "main" {',
    '  cidr_block           = var.vpc_cidr',
    '  enable_dns_hostnames = true',
    '',
    '  # a comment ends a run of attributes',
    '  tags = merge(var.tags, {',
    '    Name = "x"',
    '  })',
    '}',
    '',
  ].join('\n');

  test('a formatted snippet passes', () => {
    assert.deepEqual(messages(clean), []);
  });

  test('misaligned "=" in a run of attributes', () => {
    const bad = clean.replace('cidr_block           =', 'cidr_block =');
    assert.match(messages(bad).join('\n'), /^2: "=" is at column 14; terraform fmt aligns this run of attributes at column 24/m);
  });

  test('"=" padded although the run has ended', () => {
    const bad = clean.replace('  tags = merge', '  tags  = merge');
    assert.notDeepEqual(messages(bad), []);
  });

  test('a blank line starts a new run', () => {
    const text = 'locals {\n  a = 1\n\n  longer_name = 2\n}\n';
    assert.deepEqual(messages(text), []);
    assert.notDeepEqual(messages('locals {\n  a           = 1\n\n  longer_name = 2\n}\n'), []);
  });

  test('a multi-line value ends a run', () => {
    assert.deepEqual(messages('locals {\n  a = 1\n  list = [\n    1,\n  ]\n  bb = 2\n}\n'), []);
  });

  test('tabs, trailing whitespace and a missing final newline', () => {
    assert.match(messages(clean.replace('  cidr_block', '\tcidr_block')).join('\n'), /tab character/);
    assert.match(messages(clean.replace('= true', '= true  ')).join('\n'), /trailing whitespace/);
    assert.match(messages(clean.slice(0, -1)).join('\n'), /must end with a newline/);
  });

  test('indentation: four spaces, or one bracket too few', () => {
    assert.match(messages(clean.replace('    Name', '      Name')).join('\n'), /7: indented 6 spaces; terraform fmt indents this line 4/);
    assert.match(messages(clean.replace('  })', '})')).join('\n'), /8: indented 0 spaces; terraform fmt indents this line 2/);
  });

  test('several brackets opened on one line indent by one level', () => {
    const text = 'locals {\n  x = jsonencode([{\n    a = 1\n  }])\n}\n';
    assert.deepEqual(messages(text), []);
    assert.notDeepEqual(messages(text.replace('    a = 1', '      a = 1')), []);
  });

  test('extra spaces inside expressions', () => {
    assert.match(messages(clean.replace('merge(var.tags,', 'merge( var.tags ,')).join('\n'), /space after "\("/);
    assert.match(messages(clean.replace('merge(var.tags, {', 'merge(var.tags,  {')).join('\n'), /more than one space/);
  });

  test('brackets and "=" inside strings and comments are not code', () => {
    const text = 'locals {\n  # a comment with = and {\n  a = "x = { ["\n  b = "${var.c}-d"\n}\n';
    assert.deepEqual(messages(text), []);
  });

  test('an interpolation-only string is unwrapped by terraform fmt', () => {
    assert.match(messages('locals {\n  a = "${var.b}"\n}\n').join('\n'), /interpolation-only/);
  });

  test('comments after code are refused', () => {
    assert.match(messages('locals {\n  a = 1 # why\n}\n').join('\n'), /comment after code/);
  });
});
