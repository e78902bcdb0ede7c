// Loads every .tf file under infra/terraform with @cdktf/hcl2json (the HCL parser Terraform's own JSON tooling
// uses, compiled to WebAssembly, so it runs offline) and merges them into one model the checks can query.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';

export const TF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const SKIP_DIRS = new Set(['.terraform', 'node_modules', 'tests', '.git']);

/** Every .tf file under dir (recursively), skipping Terraform's cache, node_modules and these tests. */
export async function listTfFiles(dir = TF_DIR) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...(await listTfFiles(full)));
    } else if (entry.isFile() && entry.name.endsWith('.tf')) {
      found.push(full);
    }
  }
  return found.sort();
}

/** Parses one file; a syntax error is rethrown with the file named. */
export async function parseTfFile(file, text) {
  const source = text ?? (await readFile(file, 'utf8'));
  try {
    return await parse(path.basename(file), source);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(`${path.relative(TF_DIR, file) || file}: HCL syntax error: ${detail}`);
  }
}

/** Parses every .tf file under dir and merges the blocks (resources, data, locals, variables, ...) into one model. */
export async function loadConfig(dir = TF_DIR) {
  const files = [];
  const model = { files, resource: {}, data: {}, locals: {}, variable: {}, output: {}, provider: {}, terraform: [] };
  for (const file of await listTfFiles(dir)) {
    const text = await readFile(file, 'utf8');
    const json = await parseTfFile(file, text);
    files.push({ file, rel: path.relative(dir, file), text, json });
    for (const kind of ['resource', 'data']) {
      for (const [type, byName] of Object.entries(json[kind] ?? {})) {
        model[kind][type] ??= {};
        for (const [name, bodies] of Object.entries(byName)) {
          if (model[kind][type][name]) throw new Error(`${kind} ${type}.${name} is declared twice`);
          model[kind][type][name] = bodies[0];
        }
      }
    }
    for (const block of json.locals ?? []) {
      for (const [name, value] of Object.entries(block)) {
        if (name in model.locals) throw new Error(`local.${name} is declared twice`);
        model.locals[name] = value;
      }
    }
    for (const kind of ['variable', 'output']) {
      for (const [name, bodies] of Object.entries(json[kind] ?? {})) {
        if (model[kind][name]) throw new Error(`${kind} ${name} is declared twice`);
        model[kind][name] = bodies[0];
      }
    }
    for (const [name, bodies] of Object.entries(json.provider ?? {})) {
      model.provider[name] = [...(model.provider[name] ?? []), ...bodies];
    }
    model.terraform.push(...(json.terraform ?? []));
  }
  return model;
}

/** All resources of one type as [name, body] pairs. */
export function resources(model, type) {
  return Object.entries(model.resource[type] ?? {});
}

/** One resource body, or undefined. */
export function resource(model, type, name) {
  return model.resource[type]?.[name];
}

/** The single expression inside "${...}", or null when the value is not exactly one interpolation. */
export function expressionOf(value) {
  if (typeof value !== 'string' || !value.startsWith('${') || !value.endsWith('}')) return null;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '{') depth++;
    else if (value[i] === '}' && --depth === 0 && i !== value.length - 1) return null;
  }
  return value.slice(2, -1).trim();
}

/**
 * Resolves a value that is a plain reference to a local or to a variable's default, repeatedly. Anything else
 * (a literal, or an expression that needs Terraform to evaluate) is returned unchanged.
 */
export function resolve(model, value, seen = new Set()) {
  const expr = expressionOf(value);
  if (expr === null) return value;
  let m = /^local\.([A-Za-z0-9_-]+)$/.exec(expr);
  if (m && m[1] in model.locals && !seen.has(expr)) {
    return resolve(model, model.locals[m[1]], new Set([...seen, expr]));
  }
  m = /^var\.([A-Za-z0-9_-]+)$/.exec(expr);
  if (m && model.variable[m[1]] && 'default' in model.variable[m[1]] && !seen.has(expr)) {
    return resolve(model, model.variable[m[1]].default, new Set([...seen, expr]));
  }
  return value;
}

/** The resource name in a reference like ${aws_security_group.alb.id} or ${aws_security_group.alb[0].id}. */
export function referencedName(value, type, attribute = 'id') {
  const expr = expressionOf(value);
  if (expr === null) return null;
  const escaped = type.replace(/[.]/g, '\\.');
  const m = new RegExp(`^${escaped}\\.([A-Za-z0-9_-]+)(?:\\[0\\])?\\.${attribute}$`).exec(expr);
  return m ? m[1] : null;
}

/**
 * Parses the argument of a jsonencode(...) attribute (for example an ECS container_definitions) back into JSON
 * with hcl2json, so the container definition can be checked field by field instead of by text search.
 */
export async function parseJsonencodeArgument(value) {
  const expr = expressionOf(value);
  const m = expr === null ? null : /^jsonencode\(([\s\S]*)\)$/.exec(expr);
  if (!m) throw new Error(`expected jsonencode(...), got ${String(value).slice(0, 80)}`);
  const json = await parse('jsonencode-argument.tf', `value = ${m[1]}\n`);
  return json.value;
}
