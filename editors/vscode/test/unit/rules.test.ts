import assert from 'node:assert/strict';
import { test } from 'node:test';

import { diagnosticCode, explanationToMarkdown, parseRules, ruleCodeAt } from '../../src/rules';

test('rules from csa rules --format json', () => {
  const rules = parseRules(JSON.stringify({
    schema: 'csa-rules/1',
    rules: [{ code: 'CSA202', name: 'lead-without-priority', severity: 'warning', summary: 'A row names no priority.', extra: 1 }],
  }));
  assert.deepEqual(rules, [{ code: 'CSA202', name: 'lead-without-priority', severity: 'warning', summary: 'A row names no priority.' }]);
  assert.throws(() => parseRules('{"schema": "other"}'), /unexpected output/);
});

test('an explanation becomes Markdown', () => {
  const text = 'CSA202 lead-without-priority\n\nFamily: leads.\n\nWhat it checks\n\nChecks rows.\n\nExample\n\n    @leads\n      lead: X\n\nHow to fix it\n\nName the priority.\n';
  const md = explanationToMarkdown(text);
  assert.match(md, /^# CSA202 lead-without-priority\n/);
  assert.match(md, /\n## What it checks\n/);
  assert.match(md, /\n## Example\n\n {4}@leads\n {6}lead: X\n/);
  assert.match(md, /\n## How to fix it\n\nName the priority\.\n/);
  assert.doesNotMatch(md, /## Family/);
});

test('diagnostic codes in their three shapes', () => {
  assert.equal(diagnosticCode('CSA202'), 'CSA202');
  assert.equal(diagnosticCode(202), '202');
  assert.equal(diagnosticCode({ value: 'CSA202', target: {} }), 'CSA202');
  assert.equal(diagnosticCode(undefined), undefined);
});

test('a rule code under the cursor', () => {
  const line = '// csa-ignore CSA201, CSA202: agreed';
  assert.equal(ruleCodeAt(line, 16), 'CSA201');
  assert.equal(ruleCodeAt(line, 22), 'CSA202');
  assert.equal(ruleCodeAt(line, 3), undefined);
});
