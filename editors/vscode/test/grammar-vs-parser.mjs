// Checks the TextMate grammar against csa's own parser: every line of every given
// .csa file must be coloured as the kind of line `csa parse` says it is (heading,
// comment, block header, block line, prose), and a file that csa reads without a
// syntax diagnostic must have no token marked invalid.
//
// usage: node test/grammar-vs-parser.mjs CSA_BINARY FILE_OR_DIR...
// Prints one line per file and `N passed, N failed` last; exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = dirname(fileURLToPath(import.meta.url));
const [csa, ...inputs] = process.argv.slice(2);
if (!csa || inputs.length === 0) {
  console.error('usage: node test/grammar-vs-parser.mjs CSA_BINARY FILE_OR_DIR...');
  process.exit(2);
}

const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async (scopeName) => {
    if (scopeName !== 'source.csa') return null;
    const path = join(here, '..', 'syntaxes', 'csa.tmLanguage.json');
    return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
  },
});
const grammar = await registry.loadGrammar('source.csa');

function files(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => files(join(path, name)));
  }
  return path.endsWith('.csa') ? [path] : [];
}

/** The scopes of every token of every line. */
function tokenize(text) {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return { line, tokens: result.tokens };
  });
}

/** The scopes at the first non-blank character of a line. */
function scopesAtStart({ line, tokens }) {
  const column = line.search(/\S/);
  if (column < 0) return [];
  const token = tokens.find((t) => t.startIndex <= column && column < t.endIndex);
  return token ? token.scopes : [];
}

const has = (scopes, prefix) => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));

let passed = 0;
let failed = 0;
for (const file of inputs.flatMap(files)) {
  const parsed = JSON.parse(execFileSync(csa, ['parse', file], { encoding: 'utf8' }));
  const lines = tokenize(readFileSync(file, 'utf8'));
  const problems = [];
  const expect = (lineNo, ok, what) => {
    if (!ok) {
      const scopes = scopesAtStart(lines[lineNo]).join(' ');
      problems.push(`${file}:${lineNo + 1}: expected ${what}; the grammar gives: ${scopes}\n    ${lines[lineNo].line}`);
    }
  };
  for (const item of parsed.document.items) {
    const first = item.span.start.line;
    const scopes = scopesAtStart(lines[first]);
    switch (item.kind) {
      case 'heading':
        expect(first, has(scopes, 'markup.heading'), 'a heading');
        break;
      case 'comment':
        expect(first, has(scopes, 'comment.line'), 'a comment');
        break;
      case 'prose':
        expect(first, has(scopes, 'text.prose') || has(scopes, 'markup.list') || has(scopes, 'constant.character.escape'), 'prose');
        expect(first, !has(scopes, 'meta.block'), 'prose outside any block');
        break;
      case 'block': {
        expect(first, has(scopes, 'keyword.control.block'), `the header of @${item.keyword}`);
        // Every non-blank line up to the block's end belongs to it.
        const end = item.span.end.column === 0 ? item.span.end.line : item.span.end.line + 1;
        for (let n = first + 1; n < end && n < lines.length; n++) {
          if (lines[n].line.trim() === '') continue;
          expect(n, has(scopesAtStart(lines[n]), 'meta.block'), `a line of the @${item.keyword} block`);
        }
        break;
      }
      default:
        break;
    }
  }
  const syntaxErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (syntaxErrors.length === 0) {
    lines.forEach((l, n) => {
      for (const t of l.tokens) {
        if (has(t.scopes, 'invalid')) {
          problems.push(`${file}:${n + 1}:${t.startIndex + 1}: csa reads this file without a syntax error, but the grammar marks \`${l.line.slice(t.startIndex, t.endIndex)}\` invalid`);
        }
      }
    });
  }
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${file} (${parsed.document.items.length} lines checked)`);
  } else {
    failed++;
    console.log(`FAIL ${file}`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
    if (problems.length > 20) console.log(`  ... and ${problems.length - 20} more`);
  }
}
console.log(`grammar-vs-parser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
