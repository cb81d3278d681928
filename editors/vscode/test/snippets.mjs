// Checks the snippets against csa itself: each one, expanded with its default values
// as VS Code would insert it (tabs as two spaces), is read by `csa parse` without a
// single diagnostic, where it belongs in a document; the whole-agreement snippet also
// passes `csa check` without any finding, like examples/minimal.csa.
//
// usage: node test/snippets.mjs CSA_BINARY
// Prints one line per snippet and `N passed, N failed` last; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const csa = process.argv[2];
if (!csa) {
  console.error('usage: node test/snippets.mjs CSA_BINARY');
  process.exit(2);
}
const snippets = JSON.parse(readFileSync(join(here, '..', 'snippets', 'csa.json'), 'utf8'));

/** The text a snippet body inserts when every placeholder keeps its default. */
function expand(body, indent = '') {
  const text = body.join('\n');
  const resolve = (s) => {
    let out = '';
    let i = 0;
    while (i < s.length) {
      if (s[i] === '\\' && i + 1 < s.length) {
        out += s[i + 1];
        i += 2;
      } else if (s[i] === '$' && s[i + 1] === '{') {
        // Find the matching brace, allowing nested placeholders.
        let depth = 1;
        let j = i + 2;
        while (j < s.length && depth > 0) {
          if (s[j] === '{') depth++;
          if (s[j] === '}') depth--;
          j++;
        }
        const inner = s.slice(i + 2, j - 1);
        let m;
        if ((m = /^\d+:([\s\S]*)$/.exec(inner))) out += resolve(m[1]);
        else if ((m = /^\d+\|([^|]*)\|$/.exec(inner))) out += m[1].split(',')[0];
        else if (/^\d+$/.test(inner)) out += '';
        else if (inner === 'CURRENT_YEAR') out += String(new Date().getFullYear());
        else throw new Error(`cannot expand \${${inner}}`);
        i = j;
      } else if (s[i] === '$' && /\d/.test(s[i + 1] ?? '')) {
        i++;
        while (/\d/.test(s[i] ?? '')) i++;
      } else {
        out += s[i];
        i++;
      }
    }
    return out;
  };
  return resolve(text)
    .split('\n')
    .map((line, n) => (n === 0 || line === '' ? line : indent + line))
    .join('\n')
    .replace(/\t/g, '  ');
}

const agreement = expand(snippets['Agreement'].body);
// Where each snippet is inserted: the text before the cursor, and the indentation of
// the cursor's line.
const contexts = {
  Agreement: { before: '', indent: '', check: true },
  // Its strategy group names two of the county's district partnerships: parsed, not
  // checked (csa check asks for a chair of every one).
  'County agreement': { before: '', indent: '' },
  Use: { before: agreement, indent: '' },
  Priority: { before: agreement, indent: '' },
  Theme: { before: agreement, indent: '' },
  'Action plan': { before: agreement, indent: '' },
  Suppression: { before: agreement, indent: '', after: '@body safer-roads: Safer Roads partnership\n' },
  'Plan objective': { before: agreement + '@plan MKS: Making Kent Safer\n  period: 2022-04-01 to 2025-03-31\n  ', indent: '  ' },
  'Not-adopted objective': { before: agreement + '@plan MKS: Making Kent Safer\n  period: 2022-04-01 to 2025-03-31\n  ', indent: '  ' },
  'Action plan aim': { before: agreement + '@action-plan SAFE: Safer\n  ', indent: '  ' },
};

const dir = mkdtempSync(join(tmpdir(), 'csa-snippets-'));
let passed = 0;
let failed = 0;
for (const [name, snippet] of Object.entries(snippets)) {
  const context = contexts[name];
  const problems = [];
  if (!context) {
    problems.push('no test context for this snippet: add one to test/snippets.mjs');
  } else {
    const text = context.before + expand(snippet.body, context.indent) + '\n' + (context.after ?? '');
    const file = join(dir, `${name.replace(/\W+/g, '-')}.csa`);
    writeFileSync(file, text);
    const parse = spawnSync(csa, ['parse', file], { encoding: 'utf8' });
    if (parse.status !== 0) {
      problems.push(`csa parse exited ${parse.status}: ${parse.stderr}`);
    } else {
      const parsed = JSON.parse(parse.stdout);
      for (const d of parsed.diagnostics) {
        problems.push(`csa parse: ${d.code} line ${d.span.start.line + 1}: ${d.message}`);
      }
      if (parsed.document.items.some((i) => i.kind === 'error')) problems.push('a line was read as an error');
    }
    if (context.check) {
      const check = spawnSync(csa, ['check', '--as-of', '2025-06-01', '--fail-level', 'hint', '--output-format', 'concise', file], { encoding: 'utf8' });
      if (check.status !== 0) problems.push(`csa check --fail-level hint exited ${check.status}:\n${check.stdout}${check.stderr}`);
    }
    if (problems.length) problems.push(`the document was:\n${text}`);
  }
  if (problems.length === 0) {
    passed++;
    console.log(`ok   snippet ${name}`);
  } else {
    failed++;
    console.log(`FAIL snippet ${name}`);
    for (const p of problems) console.log(`  ${p.replace(/\n/g, '\n  ')}`);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`snippets: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
