// scripts/rehearse-upgrade.sh against a dev node (the shared one: the rehearsal runs on a copy of
// its state and changes nothing on it): the runtime built with spec_version + 1 passes, with its
// block built on the new runtime; the same runtime whose migration panics (its test-only migration,
// asked through `--set-storage`) and code that does not run (the missing-host-function fixture)
// fail with the reason; bad arguments are refused.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

import { stringToHex } from '@polkadot/util';

import { bestNumber, nextRuntimeWasmPath } from '../lib/chain.js';
import { connect, devNode } from '../lib/node.js';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../../..');
const FIXTURE = join(ROOT, 'scripts/e2e/fixtures/missing-host-function.wasm');

describe('rehearsing an upgrade (scripts/rehearse-upgrade.sh)', () => {
  let node;
  let api;

  before(async () => {
    node = await devNode('rehearse');
    api = await connect(node);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  /** Runs the script with `args`; its exit status and output. */
  const rehearse = (...args) => {
    const run = spawnSync(join(ROOT, 'scripts/rehearse-upgrade.sh'), args, { encoding: 'utf8', timeout: 300_000 });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  };

  test('the next runtime passes; a panicking migration and code that does not run fail with the reason', async () => {
    const spec = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    const before = await bestNumber(api);
    const next = nextRuntimeWasmPath();

    const passed = rehearse(next, '--rpc', node.wsUrl);
    assert.equal(passed.status, 0, passed.out);
    assert.match(passed.out, /^REHEARSAL PASSED/m);
    assert.match(passed.out, new RegExp(`version: metacert spec_version ${spec + 1}`));
    assert.match(passed.out, new RegExp(`block #\\d+ built on spec_version ${spec + 1}`));

    const key = stringToHex(':metacert:test:panic-in-migration');
    const panicked = rehearse(next, '--rpc', node.wsUrl, '--set-storage', `${key}=0x01`);
    assert.equal(panicked.status, 1, panicked.out);
    assert.match(panicked.out, /^REHEARSAL FAILED: no block can be built on it: .*/m);
    assert.match(panicked.out, /what if: /);

    const missing = rehearse(FIXTURE, '--rpc', node.wsUrl);
    assert.equal(missing.status, 1, missing.out);
    assert.match(missing.out, /^REHEARSAL FAILED: it does not run: /m);

    const bad = rehearse(next, '--rpc', 'http://not-a-websocket');
    assert.equal(bad.status, 2, bad.out);
    assert.match(bad.out, /--rpc takes a ws:\/\/ or wss:\/\/ URL/);

    // The live chain is untouched: it still runs its own runtime, and goes on.
    assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), spec);
    assert.ok((await bestNumber(api)) >= before);
  });
});
