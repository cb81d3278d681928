import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CsaStatus, isStatus, statusView } from '../../src/status';

const base: CsaStatus = { uri: 'file:///a.csa', version: 1, errors: 0, warnings: 0, infos: 0, hints: 0, failLevel: 'error', fails: false };

test('a clean document', () => {
  const v = statusView(base);
  assert.equal(v.text, '$(check) csa: no findings');
  assert.equal(v.failing, false);
  assert.match(v.tooltip, /Passes `csa check` at the fail level error/);
});

test('errors and warnings, failing', () => {
  const v = statusView({ ...base, errors: 2, warnings: 5, infos: 1, fails: true });
  assert.equal(v.text, '$(error) csa: 2 errors, 5 warnings (fails)');
  assert.equal(v.failing, true);
  assert.match(v.tooltip, /2 errors, 5 warnings, 1 info, 0 hints/);
  assert.match(v.tooltip, /Fails `csa check`.*\(error\)/);
});

test('warnings that do not fail at the error level', () => {
  const v = statusView({ ...base, warnings: 1 });
  assert.equal(v.text, '$(warning) csa: 1 warning');
  assert.equal(v.failing, false);
});

test('only infos and hints', () => {
  assert.equal(statusView({ ...base, infos: 1, hints: 3 }).text, '$(check) csa: 1 info, 3 hints');
});

test('the notification shape is checked', () => {
  assert.equal(isStatus(base), true);
  assert.equal(isStatus({ ...base, fails: 'yes' }), false);
  assert.equal(isStatus(null), false);
  assert.equal(isStatus({ uri: 'x' }), false);
});
