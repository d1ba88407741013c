// Readiness per code on a 2-validator `--chain local` network (Alice and Bob). Two upgrades are
// proposed and voted at once:
// - code importing a host function no node has (scripts/e2e/fixtures/missing-host-function.wasm,
//   written by the node's unit tests), scheduled the way the old "typo" halted the chain: no share
//   of ready authorities asked for, fewer than finality needs explicitly allowed. Each node checks
//   the code with its own executor, says in its log why it cannot run it and by which block to
//   upgrade, and signals that it cannot; the upgrade is never installed, fails at its deadline, and
//   the chain goes on;
// - the runtime built with spec_version + 1, under the default rule (more than two thirds: both):
//   both nodes signal that they can run it, it activates only once both have, and both follow it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import {
  PROTOCOL_UPGRADE, bestNumber, finalizedNumber, nextRuntimeWasm, notePreimage, propose, voteAll,
  waitForEvent,
} from '../lib/chain.js';
import { connect, startLocalNetwork, waitFor } from '../lib/node.js';

const FIXTURE = join(dirname(new URL(import.meta.url).pathname), '../fixtures/missing-host-function.wasm');
const MISSING = 'env:ext_metacert_missing_version_1';

describe('upgrade readiness per code on a local network', () => {
  let network;
  let api;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    network = await startLocalNetwork({ names: ['alice-ready', 'bob-ready'] });
    api = await connect(network.alice);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  });

  after(async () => {
    if (api) await api.disconnect();
    await network?.stop();
  });

  const logOf = (node) => readFileSync(node.logFile, 'utf8');
  const specVersion = async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();

  test('code no node can run is never installed; code both can run activates once both say so', async () => {
    const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((n) => keyring.addFromUri(`//${n}`));
    const auraKeys = [alice, bob].map((p) => u8aToHex(p.publicKey));
    const before = await specVersion();
    const missingHash = await notePreimage(api, bob, readFileSync(FIXTURE));
    const nextHash = await notePreimage(api, alice, nextRuntimeWasm());

    const now = await bestNumber(api);
    const missingAt = now + 16;
    const nextAt = now + 19;
    const [typo, next] = await Promise.all([
      propose(api, bob, api.tx.upgrades.scheduleUpgrade(missingHash, missingAt, 1_000_000, 0, true, missingAt + 1), PROTOCOL_UPGRADE),
      propose(api, alice, api.tx.upgrades.scheduleUpgrade(nextHash, nextAt, before + 1, 0, false, nextAt + 20), PROTOCOL_UPGRADE),
    ]);
    await voteAll(api, typo, [alice, bob, charlie]);
    await voteAll(api, next, [alice, bob, charlie]);
    const failedSeen = waitForEvent(api, (e) => api.events.upgrades.UpgradeFailed.is(e), 60);
    const activatedSeen = waitForEvent(api, (e) => api.events.upgrades.UpgradeActivated.is(e), 60);

    // Each node judges each code, and its offchain worker signals the verdict.
    await waitFor('both upgrades pending', async () =>
      (await api.query.upgrades.pendingUpgrades()).length === 2, { timeoutMs: 120_000 });
    const signals = async (hash) => new Map((await api.call.upgradesApi.signals(hash))
      .map(([who, s]) => [u8aToHex(who.toU8a()), s.canRun.isTrue]));
    await waitFor('both nodes\' signals for both codes', async () =>
      (await signals(missingHash)).size === 2 && (await signals(nextHash)).size === 2, { timeoutMs: 90_000 });
    for (const key of auraKeys) {
      assert.equal((await signals(missingHash)).get(key), false, `${key} cannot run the code`);
      assert.equal((await signals(nextHash)).get(key), true, `${key} can run the next runtime`);
    }
    // Each node says exactly why, and by which block its operator must upgrade.
    for (const node of [network.alice, network.bob]) {
      const log = logOf(node);
      assert.match(log, new RegExp(`cannot run the runtime upgrade scheduled for block #${missingAt}[^\\n]*lacks the host functions ${MISSING}`));
      assert.match(log, new RegExp(`Upgrade the node software before block #${missingAt}`));
      assert.match(log, new RegExp(`can run the runtime upgrade scheduled for block #${nextAt}`));
      // Not every block: once when first seen, then at the marks before its block.
      const warnings = log.split('\n').filter((l) => l.includes(`cannot run the runtime upgrade scheduled for block #${missingAt}`));
      assert.ok(warnings.length <= 3, `${warnings.length} warnings, not one per block`);
    }
    const [missingStatus, nextStatus] = await api.call.upgradesApi.pendingUpgrades();
    assert.equal(missingStatus.ready.isTrue, false);
    assert.equal(nextStatus.ready.isTrue, true);

    // The code nobody can run fails at its deadline; the running runtime is untouched.
    const failed = await failedSeen;
    assert.equal(failed.number, missingAt + 1);
    assert.equal(failed.event.data.codeHash.toHex(), missingHash);
    assert.equal(failed.event.data.reason.type, 'ReadinessNotReached');
    assert.equal(await specVersion(), before);

    // The next runtime activates at its block, after both signals (in earlier blocks).
    const activated = await activatedSeen;
    assert.equal(activated.number, nextAt);
    assert.equal(activated.event.data.readiness.toNumber(), 1_000_000_000);
    await waitFor('the new specVersion', async () => (await specVersion()) === before + 1, { timeoutMs: 60_000 });

    // Both nodes author and finalize on the new runtime: the chain goes on.
    await waitFor('finality past the upgrade', async () => (await finalizedNumber(api)) >= nextAt + 4, { timeoutMs: 120_000 });
    const bobApi = await connect(network.bob);
    try {
      await waitFor('Bob following', async () => (await finalizedNumber(bobApi)) >= nextAt + 4, { timeoutMs: 60_000 });
      assert.equal((await bobApi.rpc.state.getRuntimeVersion()).specVersion.toNumber(), before + 1);
    } finally {
      await bobApi.disconnect();
    }
    for (const node of [network.alice, network.bob]) {
      assert.doesNotMatch(logOf(node), /cannot execute the running runtime/);
    }
  });
});
