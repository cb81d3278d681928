import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// esbuild bundles this file into out/test/; the configuration is two levels up.
const config = JSON.parse(readFileSync(join(__dirname, '..', '..', 'language-configuration.json'), 'utf8'));

/** The indent action VS Code's onEnterRules give after `line` (the first rule that matches). */
function onEnter(line: string): string | undefined {
  for (const rule of config.onEnterRules) {
    if (new RegExp(rule.beforeText).test(line)) return rule.action.indent;
  }
  return undefined;
}

test('// comments and folding by indentation', () => {
  assert.equal(config.comments.lineComment, '//');
  assert.equal(config.folding.offSide, true);
});

test('Enter after a block header indents', () => {
  assert.equal(onEnter('@priority DA: Domestic Abuse'), 'indent');
  assert.equal(onEnter('@leads'), 'indent');
  assert.equal(onEnter('@agreement: Kent Community Safety Agreement'), 'indent');
});

test('Enter after an aim, an objective or a horizon-scan heading indents once more', () => {
  assert.equal(onEnter('  aim 1.1: Prevent domestic abuse'), 'indent');
  assert.equal(onEnter('  objective MKS-P1: Work with residents'), 'indent');
  assert.equal(onEnter('  legislation:'), 'indent');
});

test('Enter inside a block keeps the indentation', () => {
  assert.equal(onEnter('  lead: Chief Superintendent, Kent Police'), 'none');
  assert.equal(onEnter('    action: Work with partners.'), 'none');
  assert.equal(onEnter('  - Vision for Kent'), 'none');
});

test('Enter after prose, a heading or a comment at the margin does nothing special', () => {
  assert.equal(onEnter('The CSA is reviewed annually.'), undefined);
  assert.equal(onEnter('# 6. County Priorities'), undefined);
  assert.equal(onEnter('// checked by KCST'), undefined);
});

test('ids are words: double-click selects MKS-P2 and 1.1', () => {
  const word = new RegExp(config.wordPattern, 'g');
  assert.deepEqual('supports: MKS-P2, MKS-P3'.match(word), ['supports', 'MKS-P2', 'MKS-P3']);
  assert.deepEqual('  aim 1.1: x'.match(word), ['aim', '1.1', 'x']);
});
