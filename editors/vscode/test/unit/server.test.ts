import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { bundledBinary, chooseServer, describeChoice, missingMessage } from '../../src/server';

/** An extension folder, with or without bin/csa, and a folder on PATH holding csa. */
function setup(bundled: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'csa-server-'));
  const ext = join(root, 'extension');
  const onPath = join(root, 'path');
  mkdirSync(onPath, { recursive: true });
  mkdirSync(join(ext, 'bin'), { recursive: true });
  const script = '#!/bin/sh\n';
  writeFileSync(join(onPath, 'csa'), script);
  chmodSync(join(onPath, 'csa'), 0o755);
  const own = join(root, 'own-csa');
  writeFileSync(own, script);
  chmodSync(own, 0o755);
  if (bundled) {
    writeFileSync(bundledBinary(ext), script);
    chmodSync(bundledBinary(ext), 0o755);
  }
  return { ext, onPath, own, env: { PATH: onPath } };
}

test('the order: csa.path, then csa.server.path, then the bundled binary, then PATH', () => {
  const { ext, onPath, own, env } = setup(true);
  const bundled = bundledBinary(ext);
  assert.deepEqual(chooseServer({ 'csa.path': own, 'csa.server.path': join(onPath, 'csa') }, ext, env), {
    source: 'setting',
    setting: 'csa.path',
    wanted: own,
    binary: own,
  });
  const legacy = chooseServer({ 'csa.path': '  ', 'csa.server.path': own }, ext, env);
  assert.equal(legacy.setting, 'csa.server.path');
  assert.equal(legacy.binary, own);
  assert.deepEqual(chooseServer({ 'csa.path': '', 'csa.server.path': '' }, ext, env), {
    source: 'bundled',
    wanted: bundled,
    binary: bundled,
  });
  const universal = setup(false);
  assert.deepEqual(chooseServer({}, universal.ext, universal.env), {
    source: 'path',
    wanted: 'csa',
    binary: join(universal.onPath, 'csa'),
  });
});

test('a setting that names a missing binary is reported, not passed over', () => {
  const { ext, env } = setup(true);
  const choice = chooseServer({ 'csa.path': '/no/such/csa' }, ext, env);
  assert.equal(choice.binary, undefined);
  assert.equal(missingMessage(choice), 'csa: cannot find the csa binary (at `/no/such/csa`, from the setting csa.path).');
  const byName = chooseServer({ 'csa.server.path': 'csa-old' }, ext, env);
  assert.match(missingMessage(byName), /`csa-old` on PATH, from the setting csa\.server\.path/);
});

test('with no bundled binary and none on PATH, the message says both', () => {
  const { ext } = setup(false);
  const choice = chooseServer({}, ext, { PATH: '/nonexistent' });
  assert.equal(choice.source, 'path');
  assert.equal(choice.binary, undefined);
  assert.match(missingMessage(choice), /carries none, and there is no `csa` on PATH/);
});

test('a bundled binary that lost its executable bit is made executable again', { skip: process.platform === 'win32' }, () => {
  const { ext, env } = setup(true);
  chmodSync(bundledBinary(ext), 0o644);
  const choice = chooseServer({}, ext, env);
  assert.equal(choice.source, 'bundled');
  assert.notEqual(statSync(bundledBinary(ext)).mode & 0o111, 0);
});

test('the description names where the binary comes from', () => {
  const { ext, own, env } = setup(true);
  assert.equal(describeChoice(chooseServer({ 'csa.path': own }, ext, env)), `the setting csa.path (${own})`);
  assert.equal(describeChoice(chooseServer({}, ext, env)), `the csa bundled with the extension (${bundledBinary(ext)})`);
  assert.equal(bundledBinary('/x', 'win32').endsWith('csa.exe'), true);
  const universal = setup(false);
  assert.equal(describeChoice(chooseServer({}, universal.ext, universal.env)), `csa on PATH (${join(universal.onPath, 'csa')})`);
});
