import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RestartPolicy } from '../../src/restartPolicy';

test('at most 5 restarts in 3 minutes', () => {
  let now = 0;
  const p = new RestartPolicy(5, 180_000, () => now);
  for (let i = 0; i < 5; i++) {
    assert.equal(p.allowRestart(), true, `restart ${i + 1}`);
    now += 10_000;
  }
  assert.equal(p.allowRestart(), false, 'the sixth crash within 3 minutes stops the server');
  // Once the first crashes are older than the window, restarting is allowed again.
  now = 180_001;
  assert.equal(p.allowRestart(), true);
});

test('a manual restart forgets past crashes', () => {
  const p = new RestartPolicy(1, 180_000, () => 0);
  assert.equal(p.allowRestart(), true);
  assert.equal(p.allowRestart(), false);
  p.reset();
  assert.equal(p.allowRestart(), true);
});
