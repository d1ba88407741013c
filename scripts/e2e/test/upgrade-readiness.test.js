// Node readiness on a 2-validator `--chain local` network: Alice runs this node version, Bob
// pretends to be an old node (`--pretend-node-version 0.0.1`). Both signal their version from
// their offchain workers; an upgrade needing half the authorities activates; Bob warns before
// it, then stops authoring with a clear error line, while Alice carries the chain on and both
// keep finalizing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import {
  PROTOCOL_UPGRADE, bestNumber, finalizedNumber, nextRuntimeWasm, nodeVersion, notePreimage,
  propose, voteAll, waitForEvent,
} from '../lib/chain.js';
import { connect, startLocalNetwork, waitFor } from '../lib/node.js';

const HALF = 500_000_000; // Perbill: 50%

describe('upgrade readiness on a local network with an old node', () => {
  let aliceNode;
  let bobNode;
  let network;
  let api;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    network = await startLocalNetwork({
      names: ['alice-new', 'bob-old'],
      bobArgs: ['--pretend-node-version', '0.0.1'],
    });
    ({ alice: aliceNode, bob: bobNode } = network);
    api = await connect(aliceNode);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  });

  after(async () => {
    if (api) await api.disconnect();
    await network?.stop();
  });

  const bobLog = () => readFileSync(bobNode.logFile, 'utf8');
  /** The Aura authority index (0 Alice, 1 Bob) that authored block `number`. */
  const authorOf = async (number) => {
    const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(number));
    const pre = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
    const slot = api.registry.createType('u64', pre.asPreRuntime[1]).toBigInt();
    return Number(slot % 2n);
  };

  test('the old node warns, then stops authoring after the upgrade; the chain goes on', async () => {
    const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((n) => keyring.addFromUri(`//${n}`));
    const version = await nodeVersion(api);

    // Each validator's offchain worker signals the version its node reports.
    const signalOf = async (who) => api.query.upgrades.signalOf(who.publicKey);
    await waitFor('both readiness signals', async () =>
      (await signalOf(alice)).isSome && (await signalOf(bob)).isSome, { timeoutMs: 90_000 });
    assert.equal((await signalOf(bob)).unwrap().patch.toNumber(), 1, 'Bob signalled 0.0.1');
    assert.equal((await signalOf(alice)).unwrap().minor.toNumber(), version.minor);

    const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    const hash = await notePreimage(api, alice, nextRuntimeWasm());
    const at = (await bestNumber(api)) + 14;
    const call = api.tx.upgrades.scheduleUpgrade(hash, at, before + 1, version, HALF, at + 10);
    const index = await propose(api, alice, call, PROTOCOL_UPGRADE);
    await voteAll(api, index, [alice, bob, charlie]);
    const activatedSeen = waitForEvent(api, (e) => api.events.upgrades.UpgradeActivated.is(e), 40);

    await waitFor('the upgrade pending', async () =>
      (await api.query.upgrades.pendingUpgrades()).length === 1, { timeoutMs: 120_000 });
    const [status] = await api.call.upgradesApi.pendingUpgrades();
    assert.equal(status.readiness.toNumber(), HALF, 'Alice is ready, Bob is not');
    assert.equal(status.ready.isTrue, true, 'half the authorities are enough for this upgrade');

    // Bob, too old for it, warns while it is pending, naming the block and the version.
    await waitFor('the old node\'s warning', async () =>
      bobLog().includes(`too old for the runtime upgrade scheduled for block #${at}`), { timeoutMs: 60_000 });
    assert.match(bobLog(), new RegExp(`needs node version ${version.major}\\.${version.minor}\\.${version.patch} or newer`));

    const activated = await activatedSeen;
    assert.equal(activated.number, at);

    // After activation Bob stops authoring with a clear error line; Alice authors on.
    await waitFor('the old node\'s error line', async () =>
      /too old for the running runtime.*not authoring blocks/.test(bobLog()), { timeoutMs: 60_000 });
    await waitFor('4 more blocks', async () => (await bestNumber(api)) >= at + 5, { timeoutMs: 120_000 });
    for (let n = at + 1; n <= at + 5; n++) {
      assert.equal(await authorOf(n), 0, `block #${n} authored by Alice, not by the old node`);
    }
    // Bob still follows and votes on finality: both keep finalizing.
    await waitFor('finality past the upgrade', async () => (await finalizedNumber(api)) >= at + 3, { timeoutMs: 120_000 });
    const bobApi = await connect(bobNode);
    try {
      await waitFor('the old node following', async () => (await finalizedNumber(bobApi)) >= at + 3, { timeoutMs: 60_000 });
    } finally {
      await bobApi.disconnect();
    }
  });
});
