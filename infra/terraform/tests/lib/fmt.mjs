// An approximation of `terraform fmt`, which cannot run on the development machines (no terraform binary, no
// network to download one). It follows hclwrite's formatter, the code terraform fmt runs:
//
//   * indentation: a line that opens more brackets than it closes indents the following lines by two spaces (one
//     level, however many brackets it opened); a line that closes them returns to the opening line's level;
//   * alignment: in each run of consecutive lines that are single-line attribute assignments (`name = value` whose
//     value opens no bracket it does not close), the `=` signs line up one space after the longest name; a blank
//     line, a comment line, a block header or a multi-line value ends the run;
//   * spacing: one space between tokens (outside that alignment), none inside ( ) and [ ], none before a comma;
//   * "${x}" alone as a value is written as x.
//
// plus the whitespace rules terraform fmt also enforces: no tabs, no trailing whitespace, one newline at the end.
// Comments after code on the same line are refused (hclwrite aligns them too, which is not modelled here).
// The GitHub workflow runs the real `terraform fmt -check`; this keeps most differences from reaching it.

const OPEN = new Set(['{', '[', '(']);
const CLOSE = new Set(['}', ']', ')']);

/**
 * Lexes an HCL file into per-character context ('code', 'str', 'comment', 'heredoc') and bracket changes, the
 * way hclwrite counts them: ( [ { and template openers ${ %{ are +1, ) ] } and the } closing a template are -1.
 */
export function lex(text) {
  const n = text.length;
  const ctx = new Array(n).fill('code');
  const delta = new Int8Array(n);
  const strings = new Map(); // offset of an opening quote -> offset of its closing quote
  const interps = new Map(); // offset of the '$' of ${ -> offset of its closing }
  const heredocOpeners = new Set();
  const stack = [{ mode: 'code', depth: 0 }];
  let heredoc = null;
  let i = 0;
  while (i < n) {
    const top = stack[stack.length - 1];
    const c = text[i];
    const d = text[i + 1];
    if (heredoc) {
      const end = text.indexOf('\n', i);
      const lineEnd = end === -1 ? n : end;
      for (let k = i; k < lineEnd; k++) ctx[k] = 'heredoc';
      if (text.slice(i, lineEnd).trim() === heredoc) heredoc = null;
      i = lineEnd + 1;
      continue;
    }
    if (top.mode === 'blockcomment') {
      ctx[i] = 'comment';
      if (c === '*' && d === '/') {
        ctx[i + 1] = 'comment';
        stack.pop();
        i += 2;
      } else {
        i++;
      }
      continue;
    }
    if (top.mode === 'string') {
      ctx[i] = 'str';
      if (c === '\\') {
        if (i + 1 < n) ctx[i + 1] = 'str';
        i += 2;
      } else if (c === '"') {
        strings.set(top.open, i);
        stack.pop();
        i++;
      } else if ((c === '$' || c === '%') && d === c && text[i + 2] === '{') {
        ctx[i + 1] = ctx[i + 2] = 'str'; // $${ and %%{ are escapes, not templates
        i += 3;
      } else if ((c === '$' || c === '%') && d === '{') {
        delta[i] = 1;
        ctx[i + 1] = 'str';
        stack.push({ mode: 'code', depth: 0, templateOpen: i });
        i += 2;
      } else if (c === '\n') {
        stack.pop(); // unterminated string: a syntax error the parser reports; resynchronise here
        i++;
      } else {
        i++;
      }
      continue;
    }
    // code
    if (c === '#' || (c === '/' && d === '/')) {
      while (i < n && text[i] !== '\n') ctx[i++] = 'comment';
      continue;
    }
    if (c === '/' && d === '*') {
      ctx[i] = ctx[i + 1] = 'comment';
      stack.push({ mode: 'blockcomment' });
      i += 2;
      continue;
    }
    if (c === '"') {
      ctx[i] = 'str';
      stack.push({ mode: 'string', open: i });
      i++;
      continue;
    }
    if (c === '<' && d === '<') {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*(?=\n)/.exec(text.slice(i));
      if (m) {
        heredocOpeners.add(i);
        heredoc = m[1];
        i += m[0].length + 1;
        continue;
      }
    }
    if (OPEN.has(c)) {
      delta[i] = 1;
      if (c === '{') top.depth++;
    } else if (CLOSE.has(c)) {
      delta[i] = -1;
      if (c === '}') {
        if (top.templateOpen !== undefined && top.depth === 0) {
          ctx[i] = 'str';
          interps.set(top.templateOpen, i);
          stack.pop();
          i++;
          continue;
        }
        top.depth--;
      }
    }
    i++;
  }
  return { ctx, delta, strings, interps, heredocOpeners };
}

function netBrackets(lexed, from, to) {
  let net = 0;
  for (let k = from; k < to; k++) {
    if (lexed.heredocOpeners.has(k)) break;
    net += lexed.delta[k];
  }
  return net;
}

/** Returns the differences from terraform fmt style as [{ line, message }] (1-based lines), empty when clean. */
export function fmtProblems(text) {
  const problems = [];
  const report = (line, message) => problems.push({ line, message });
  const lexed = lex(text);
  const { ctx } = lexed;

  if (text.length > 0 && !text.endsWith('\n')) report(text.split('\n').length, 'file must end with a newline');
  if (/\n\n$/.test(text)) report(text.split('\n').length - 1, 'file must end with exactly one newline (blank lines at the end)');

  const lines = text.split('\n');
  const indents = []; // hclwrite's indent stack: brackets opened by each indenting line
  let chain = []; // assignment lines of the current alignment run: { lineNo, leadLength, eqColumn }
  const closeChain = () => {
    if (chain.length > 0) {
      const column = Math.max(...chain.map((c) => c.leadLength)) + 1;
      for (const c of chain) {
        if (c.eqColumn !== column) {
          report(c.lineNo, `"=" is at column ${c.eqColumn + 1}; terraform fmt aligns this run of attributes at column ${column + 1}`);
        }
      }
    }
    chain = [];
  };

  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const lineNo = index + 1;
    const start = offset;
    offset += line.length + 1;
    if (index === lines.length - 1 && line === '') break;

    if (line.includes('\t')) report(lineNo, 'tab character (terraform fmt indents with spaces)');
    if (ctx[start] === 'heredoc') continue; // heredoc bodies are left as written, and do not end a run
    if (/[ \t]+$/.test(line)) report(lineNo, 'trailing whitespace');

    const first = line.search(/\S/);
    if (first === -1) {
      closeChain();
      continue;
    }
    if (ctx[start + first] === 'comment' && !line.slice(first).startsWith('#') && !line.slice(first).startsWith('//') && !line.slice(first).startsWith('/*')) {
      closeChain(); // continuation of a /* */ comment
      continue;
    }

    let commentAt = -1;
    for (let k = first; k < line.length; k++) {
      if (ctx[start + k] === 'comment') {
        commentAt = k;
        break;
      }
    }
    const codeEnd = commentAt === -1 ? line.length : commentAt;
    if (commentAt > first) report(lineNo, 'comment after code on the same line; put it on its own line above');

    // Indentation, exactly as hclwrite's formatIndent computes it.
    const net = netBrackets(lexed, start + first, start + codeEnd);
    if (net < 0) {
      let closed = -net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1];
        if (closed > top) {
          closed -= top;
          indents.pop();
        } else if (closed < top) {
          indents[indents.length - 1] -= closed;
          closed = 0;
        } else {
          indents.pop();
          closed = 0;
        }
      }
    }
    const expectedIndent = 2 * indents.length;
    if (net > 0) indents.push(net);
    if (first !== expectedIndent) report(lineNo, `indented ${first} spaces; terraform fmt indents this line ${expectedIndent}`);

    // Is this a single-line attribute assignment (hclwrite's "assign" cell)?
    let eq = -1;
    for (let k = first + 1; k < codeEnd; k++) {
      if (line[k] !== '=' || ctx[start + k] !== 'code') continue;
      if ('=!<>'.includes(line[k - 1]) || '=>'.includes(line[k + 1] ?? '')) continue;
      eq = k;
      break;
    }
    const isAssign = eq !== -1 && netBrackets(lexed, start + eq, start + codeEnd) === 0;
    if (isAssign) {
      chain.push({ lineNo, leadLength: line.slice(0, eq).trimEnd().length, eqColumn: eq });
    } else {
      closeChain();
    }

    // Spacing inside the code part of the line.
    for (let k = first; k < codeEnd - 1; k++) {
      const a = line[k];
      const b = line[k + 1];
      if (ctx[start + k] !== 'code' || ctx[start + k + 1] !== 'code') continue;
      if (a === ' ' && b === ' ' && !(isAssign && k < eq)) {
        report(lineNo, `more than one space at column ${k + 1}`);
        break;
      }
      if ((a === '(' || a === '[') && b === ' ') report(lineNo, `space after "${a}" at column ${k + 1}`);
      if (a === ' ' && (b === ')' || b === ']' || b === ',')) report(lineNo, `space before "${b}" at column ${k + 2}`);
    }
    if (isAssign) {
      if (line[eq + 1] !== ' ') report(lineNo, 'one space must follow "="');
      const valueAt = eq + 1 + (line.slice(eq + 1).length - line.slice(eq + 1).trimStart().length);
      const lastCode = line.slice(0, codeEnd).trimEnd().length - 1;
      const close = lexed.strings.get(start + valueAt);
      if (close === start + lastCode && lexed.interps.get(start + valueAt + 1) === close - 1) {
        report(lineNo, 'interpolation-only string "${...}": terraform fmt writes the expression without quotes');
      }
    }
  }
  closeChain();
  return problems.sort((a, b) => a.line - b.line);
}
