// Rehearsal of the token's migration to snapshots (storage version 0 -> 1) on a real chain: a dev
// chain started on the runtime from before it (spec_version 106, a fixture: see
// fixtures/runtime-106/README.md), filled with transfers, a delegation and an open proposal, then
// upgraded through governance to this source's runtime. Every account's balances are unchanged,
// the delegation is carried over, the open proposal counts exactly the power its voters had at its
// snapshot (votes cast before and after the upgrade), and voting goes on: the open proposal is
// decided and a new one counts the new snapshots.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, xxhashAsHex } from '@polkadot/util-crypto';

import {
  PROTOCOL_UPGRADE, ROOT, bestNumber, nodeVersion, notePreimage, propose, sourceSpecVersion, voteAll,
  waitForEvent,
} from '../lib/chain.js';
import { connect, nodeBinary, startNode, waitFor } from '../lib/node.js';
import { sendAndWait } from '../lib/tx.js';

const MTC = 10n ** 12n;
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'runtime-106');

/** This source's runtime (what the node embeds), the upgrade target. */
function currentRuntimeWasm() {
  return readFileSync(join(dirname(nodeBinary()),
    'wbuild/metacert-runtime/metacert_runtime.compact.compressed.wasm'));
}

describe('token migration to snapshots, rehearsed on a chain started on spec 106', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    // The development chain spec of the old runtime (its code and its genesis preset).
    const dir = mkdtempSync(join(tmpdir(), 'metacert-e2e-spec-'));
    const spec = join(dir, 'dev-106.json');
    writeFileSync(spec, readFileSync(join(FIXTURE, 'dev-chain-spec.json')));
    node = await startNode({ name: 'token-migration', args: ['--dev', '--chain', spec] });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  const specVersion = async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  const blockOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
  const accounts = async () => new Map((await api.query.system.account.entries())
    .map(([key, info]) => [key.args[0].toString(), info]));

  test('balances, delegations and an open proposal survive; voting goes on', async () => {
    assert.equal(await specVersion(), 106, 'the chain starts on the fixture runtime');
    const [alice, bob, charlie, dave, eve] =
      ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => keyring.addFromUri(`//${n}`));
    const holder = keyring.addFromUri('//MigrationHolder');

    // Fill: transfers (one creating an account), a delegation of v0 (whole balance).
    assert.equal((await sendAndWait(api, api.tx.balances.transferKeepAlive(holder.address, 50n * MTC), alice)).dispatchError, null);
    assert.equal((await sendAndWait(api, api.tx.balances.transferKeepAlive(bob.address, 3n * MTC), charlie)).dispatchError, null);
    assert.equal((await sendAndWait(api, api.tx.balances.delegate(dave.address), eve)).dispatchError, null);

    // The upgrade to this source's runtime, proposed and voted under the protocol-upgrade class.
    const wasm = currentRuntimeWasm();
    const version = await nodeVersion(api);
    const codeHash = await notePreimage(api, alice, wasm);
    const activateAt = (await bestNumber(api)) + 19;
    // Spec 106's call (readiness by node version, which nodes no longer signal: none required).
    const upgrade = await propose(api, alice, api.tx.upgrades.scheduleUpgrade(
      codeHash, activateAt, sourceSpecVersion(), version, 0, activateAt + 10), PROTOCOL_UPGRADE);
    await voteAll(api, upgrade, [alice, bob, charlie]);
    const activated = waitForEvent(api, (e) => api.events.upgrades.UpgradeActivated.is(e), 60);

    // A proposal open across the upgrade: Alice and Dave (Eve's delegate) vote before it,
    // Bob and Charlie after.
    await waitFor(`block #${activateAt - 3}`, async () => (await bestNumber(api)) >= activateAt - 3, { timeoutMs: 120_000 });
    const inline = api.tx.system.remark('0x6d6967726174696f6e').method.toHex();
    const submitted = await sendAndWait(api, api.tx.governance.submit({ Inline: inline }, ROOT, null), charlie);
    assert.equal(submitted.dispatchError, null);
    const open = submitted.events.find(({ event }) => api.events.governance.Submitted.is(event)).event.data;
    const index = open.index.toNumber();
    const snapshot = open.snapshot.toNumber();
    const powerBefore = {};
    for (const who of [alice, bob, charlie, dave]) {
      powerBefore[who.address] = (await api.call.tokenApi.votingPowerAt(who.address, snapshot)).toBigInt();
    }
    await voteAll(api, index, [alice, dave]);
    const before = await accounts();

    // The upgrade activates: block `at` sets the code, the next block runs the new runtime, whose
    // migration runs first in it. (Between the two, the state at `at` already reports the new
    // runtime and metadata over accounts still in the old layout: read after the migration.)
    const { number: at } = await activated;
    assert.equal(at, activateAt);
    await waitFor('the new specVersion', async () => (await specVersion()) === sourceSpecVersion(), { timeoutMs: 60_000 });
    await waitFor(`block #${at + 1}`, async () => (await bestNumber(api)) > at, { timeoutMs: 60_000 });
    await api.disconnect();
    api = await connect(node);

    // Every account: free, reserved unchanged; frozen too except for the delegator.
    const after = await accounts();
    for (const [who, old] of before) {
      const now = after.get(who);
      assert.ok(now, `account ${who} still exists`);
      assert.equal(now.data.free.toBigInt(), old.data.free.toBigInt(), `free of ${who}`);
      assert.equal(now.data.reserved.toBigInt(), old.data.reserved.toBigInt(), `reserved of ${who}`);
      if (who !== eve.address) assert.equal(now.data.frozen.toBigInt(), old.data.frozen.toBigInt(), `frozen of ${who}`);
    }
    // pallet-upgrades' v1 migration ran too: spec 106's activation stored the node version it
    // required (v0), which v1 removes; its storage version is 1.
    assert.equal((await api.query.upgrades.palletVersion()).toNumber(), 1);
    const required = xxhashAsHex('Upgrades', 128) + xxhashAsHex('RequiredNodeVersion', 128).slice(2);
    const stored = async (n) => (await api.rpc.state.getStorage(required, await api.rpc.chain.getBlockHash(n))).isSome;
    assert.equal(await stored(at), true, 'v0 state at the activation block');
    assert.equal(await stored(at + 1), false, 'removed by the migration');
    // The delegation: Eve's whole balance at the upgrade, frozen.
    const eveNow = (await api.query.system.account(eve.address)).data;
    const delegation = (await api.call.tokenApi.delegationOf(eve.address)).unwrap();
    assert.equal(delegation[0].toString(), dave.address);
    assert.equal(delegation[1].toBigInt(), eveNow.free.toBigInt() + eveNow.reserved.toBigInt());
    assert.equal(eveNow.frozen.toBigInt(), delegation[1].toBigInt());

    // The open proposal: its snapshot (before the upgrade) reads what it read before.
    for (const who of [alice, bob, charlie, dave]) {
      const power = (await api.call.tokenApi.votingPowerAt(who.address, snapshot)).unwrap().toBigInt();
      assert.equal(power, powerBefore[who.address], `power of ${who.address} at the snapshot`);
    }
    await voteAll(api, index, [bob, charlie]);
    const tally = (await api.call.governanceApi.proposal(index)).unwrap().tally;
    const expected = Object.values(powerBefore).reduce((a, b) => a + b, 0n);
    assert.equal(tally.aye.toBigInt(), expected, 'every vote counts its power at the snapshot, once');
    assert.equal(tally.voters.toNumber(), 4);
    const decided = waitForEvent(api, (e) => (api.events.governance.Approved.is(e) || api.events.governance.Rejected.is(e))
      && e.data.index.toNumber() === index, 20);
    assert.ok(api.events.governance.Approved.is((await decided).event), 'the open proposal is decided');

    // A new proposal counts the new snapshots (the first is the end of the upgrade block).
    const fresh = await propose(api, bob, api.tx.system.remark('0x6e6577'), ROOT);
    const summary = (await api.call.governanceApi.proposal(fresh)).unwrap();
    assert.ok(summary.snapshot.toNumber() >= at, 'a snapshot taken after the upgrade');
    await voteAll(api, fresh, [alice]);
    const alicePower = (await api.call.tokenApi.votingPowerAt(alice.address, summary.snapshot)).unwrap().toBigInt();
    const freshTally = (await api.call.governanceApi.proposal(fresh)).unwrap().tally;
    assert.equal(freshTally.aye.toBigInt(), alicePower);
    // The migrated delegator, sent a little for fees, can undelegate.
    assert.equal((await sendAndWait(api, api.tx.balances.transferKeepAlive(eve.address, MTC), alice)).dispatchError, null);
    const undelegated = await sendAndWait(api, api.tx.balances.undelegate(), eve);
    assert.equal(undelegated.dispatchError, null);
    const b = await blockOf(undelegated.blockHash);
    assert.ok(b > at);
  });
});
