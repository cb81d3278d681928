import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { findExecutable } from '../../src/binary';

test('finds a binary on PATH, by path, and nothing when it is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csa-bin-'));
  const bin = join(dir, 'csa');
  writeFileSync(bin, '#!/bin/sh\n');
  chmodSync(bin, 0o755);
  writeFileSync(join(dir, 'not-executable'), '');
  assert.equal(findExecutable('csa', { PATH: `/nonexistent:${dir}` }), bin);
  assert.equal(findExecutable(bin, { PATH: '' }), bin);
  assert.equal(findExecutable('./csa', { PATH: '' }, dir), bin);
  assert.equal(findExecutable('csa', { PATH: '/nonexistent' }), undefined);
  assert.equal(findExecutable(join(dir, 'missing'), {}), undefined);
  assert.equal(findExecutable('', { PATH: dir }), undefined);
  if (process.platform !== 'win32') assert.equal(findExecutable('not-executable', { PATH: dir }), undefined);
});
