// Runtime upgrades seen from polkadot.js on a dev node: the runtime built with spec_version + 1
// noted as a preimage, `upgrades.scheduleUpgrade` proposed under the protocol-upgrade class and
// voted; the node checks the code with its own executor and its offchain worker signals that it
// can run it; the upgrade activates at its block (new specVersion, the chain keeps finalizing,
// balances and an open proposal survive, the code's preimage is dropped and its deposit
// returned). Bytes that are no runtime: the node signals that it cannot run them, so they are
// never installed; the upgrade fails at its deadline and the chain carries on.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';

import {
  ROOT, PROTOCOL_UPGRADE, bestNumber, finalizedNumber, nextRuntimeWasm, notePreimage, propose,
  voteAll, waitForEvent,
} from '../lib/chain.js';
import { connect, startNode, waitFor } from '../lib/node.js';
import { sendAndWait } from '../lib/tx.js';

const MTC = 10n ** 12n;

describe('runtime upgrades (pallet-upgrades) on a dev node', () => {
  let node;
  let api;
  let keyring;
  let alice; let bob; let charlie;

  before(async () => {
    await cryptoWaitReady();
    // A node of its own, not the shared devNode(): the upgrade changes the runtime for whatever
    // runs after it, and the test counts the chain's pending upgrades.
    node = await startNode({ name: 'upgrades', args: ['--dev'] });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((n) => keyring.addFromUri(`//${n}`));
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  const free = async (address) => (await api.query.system.account(address)).data.free.toBigInt();
  const specVersion = async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();

  test('an approved upgrade activates once the node can run it; broken code is never installed', async () => {
    const before = await specVersion();
    const wasm = nextRuntimeWasm();
    const aliceAura = u8aToHex(keyring.addFromUri('//Alice').publicKey);

    // Some state that must survive the upgrade.
    const keeper = keyring.addFromUri('//UpgradeKeeper');
    assert.equal((await sendAndWait(api, api.tx.balances.transferKeepAlive(keeper.address, 7n * MTC), alice)).dispatchError, null);

    // The code: the real next runtime, and bytes that are no runtime at all.
    const goodHash = await notePreimage(api, alice, wasm);
    assert.equal(goodHash, blake2AsHex(wasm, 256));
    const bad = new TextEncoder().encode('this is not a runtime');
    const badHash = await notePreimage(api, bob, bad);

    // Governance at development pace: 6 blocks of voting, enactment 2 blocks later; then at
    // least 2 blocks' notice (the genesis least activation delay) and a margin.
    const now = await bestNumber(api);
    const badAt = now + 16;
    const goodAt = now + 19;
    // The default rule (more than two thirds of the authorities: here the only one).
    const schedule = (hash, at, deadline) =>
      api.tx.upgrades.scheduleUpgrade(hash, at, before + 1, 0, false, deadline);
    const [good, broken] = await Promise.all([
      propose(api, alice, schedule(goodHash, goodAt, goodAt + 10), PROTOCOL_UPGRADE),
      propose(api, bob, schedule(badHash, badAt, badAt + 1), PROTOCOL_UPGRADE),
    ]);
    // 3 of the 12 endowed accounts: 25% turnout, above the class's 20%.
    await voteAll(api, good, [alice, bob, charlie]);
    await voteAll(api, broken, [alice, bob, charlie]);
    const failedSeen = waitForEvent(api, (e) => api.events.upgrades.UpgradeFailed.is(e), 40);
    const activatedSeen = waitForEvent(api, (e) => api.events.upgrades.UpgradeActivated.is(e), 40);

    // Both get scheduled; the node judges each code and its offchain worker signals the verdicts
    // for Alice's Aura key; the runtime API shows them with their readiness.
    await waitFor('both upgrades pending', async () =>
      (await api.query.upgrades.pendingUpgrades()).length === 2, { timeoutMs: 120_000 });
    const signalOf = async (hash) => (await api.call.upgradesApi.signals(hash))
      .map(([who, s]) => [u8aToHex(who.toU8a()), s.canRun.isTrue]);
    await waitFor('both signals', async () =>
      (await signalOf(goodHash)).length === 1 && (await signalOf(badHash)).length === 1, { timeoutMs: 60_000 });
    assert.deepEqual(await signalOf(goodHash), [[aliceAura, true]]);
    assert.deepEqual(await signalOf(badHash), [[aliceAura, false]], 'the node cannot run bytes that are no runtime');
    const pending = await api.call.upgradesApi.pendingUpgrades();
    assert.deepEqual(pending.map((s) => s.upgrade.activateAt.toNumber()), [badAt, goodAt]);
    assert.deepEqual(pending.map((s) => s.ready.isTrue), [false, true]);
    assert.equal(pending[1].readiness.toNumber(), 1_000_000_000);
    assert.match(readFileSync(node.logFile, 'utf8'), new RegExp(`cannot run the runtime upgrade scheduled for block #${badAt}`));

    // The broken code is never installed: it fails at its deadline; the runtime is untouched.
    const failed = await failedSeen;
    assert.equal(failed.number, badAt + 1);
    assert.equal(failed.event.data.codeHash.toHex(), badHash);
    assert.equal(failed.event.data.reason.type, 'ReadinessNotReached');
    assert.equal(await specVersion(), before);

    // A proposal (inline call) still open when the upgrade activates.
    await waitFor(`block #${goodAt - 2}`, async () => (await bestNumber(api)) >= goodAt - 2, { timeoutMs: 60_000 });
    const target = keyring.addFromUri('//UpgradeTarget');
    const inline = api.tx.balances.forceSetBalance(target.address, 5n * MTC).method.toHex();
    const submitted = await sendAndWait(api, api.tx.governance.submit({ Inline: inline }, ROOT, null), charlie);
    assert.equal(submitted.dispatchError, null);
    const open = submitted.events.find(({ event }) => api.events.governance.Submitted.is(event)).event.data.index.toNumber();

    // The real code is installed at its block and runs from the next.
    const activated = await activatedSeen;
    assert.equal(activated.number, goodAt);
    assert.equal(activated.event.data.specVersion.toNumber(), before + 1);
    await waitFor('the new specVersion', async () => (await specVersion()) === before + 1, { timeoutMs: 60_000 });
    await waitFor('polkadot.js following the upgrade', async () =>
      api.runtimeVersion.specVersion.toNumber() === before + 1, { timeoutMs: 30_000 });
    // A client that stays connected across an upgrade sees it (above), but @polkadot/api 16.5
    // then re-decorates from metadata v14, which lists no runtime APIs (`api.call.upgradesApi`
    // is gone); like polkadot.js apps, which reloads on an upgrade, the client reconnects.
    await api.disconnect();
    api = await connect(node);
    assert.equal(api.runtimeVersion.specVersion.toNumber(), before + 1);
    // The installed code's preimage is dropped and Alice's deposit for it returned; Bob keeps
    // the refused bytes (and their deposit) until he unnotes them.
    assert.equal((await api.query.preimage.requestStatusFor(goodHash)).isNone, true);
    const heldAt = async (n) => (await api.query.system.account.at(await api.rpc.chain.getBlockHash(n), alice.address))
      .data.reserved.toBigInt();
    assert.ok((await heldAt(goodAt)) < (await heldAt(goodAt - 1)), 'Alice\'s preimage deposit is returned');
    assert.equal((await api.query.preimage.requestStatusFor(badHash)).isSome, true);
    // The chain's upgrade history (what the app's upgrades page lists): the installed upgrade,
    // not the refused one.
    const history = await api.query.upgrades.activatedUpgrades();
    assert.deepEqual(
      history.map((u) => [u.codeHash.toHex(), u.specVersion.toNumber(), u.activatedAt.toNumber()]),
      [[goodHash, before + 1, goodAt]]);

    // The open proposal survives: still ongoing, it takes votes under the new runtime.
    const summary = (await api.call.governanceApi.proposal(open)).unwrap();
    assert.equal(summary.status.isOngoing, true);
    await voteAll(api, open, [alice, bob, charlie]);
    const enactment = waitForEvent(api, (e) => api.events.governance.Enacted.is(e) && e.data.index.toNumber() === open, 20);

    // The chain keeps finalizing past the upgrade.
    await waitFor('finality past the upgrade', async () => (await finalizedNumber(api)) >= goodAt + 3, { timeoutMs: 120_000 });

    // Balances survive, and transactions work under the new runtime.
    assert.equal(await free(keeper.address), 7n * MTC);
    assert.equal((await sendAndWait(api, api.tx.balances.transferKeepAlive(keeper.address, 1n * MTC), alice)).dispatchError, null);
    assert.equal(await free(keeper.address), 8n * MTC);

    // ...and is enacted.
    await enactment;
    assert.equal(await free(target.address), 5n * MTC);
  });
});
