// The MTC token (pallet-token as `Balances`) seen from polkadot.js: fees in MTC, voting power
// read at snapshots through the TokenApi runtime API (the dev chain takes a snapshot at the end of
// every block and keeps 15 readable), delegation of a fixed amount. Runs on the suite's shared dev
// node (devNode): voting power is checked on accounts of its own, the supply against every fee of
// the block.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { bestNumber, freshAccounts } from '../lib/chain.js';
import { connect, devNode, waitFor } from '../lib/node.js';
import { sendAndWait } from '../lib/tx.js';

const MTC = 10n ** 12n;

describe('MTC token (pallet-token)', () => {
  let node;
  let api;
  let keyring;
  // Accounts of this file's own, funded by Charlie's stash, which no other file signs with (files
  // sharing the dev node run at the same time, and two processes sending from one account at
  // once would race for its nonce): a sender, and a delegator and its delegate (delegating dev
  // accounts would change their power for the other files).
  let sender; let delegator; let delegatee;

  before(async () => {
    await cryptoWaitReady();
    node = await devNode('token');
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    [sender, delegator, delegatee] = await freshAccounts(api, keyring, 'token', 3,
      { funder: keyring.addFromUri('//Charlie//stash'), amount: 1_000n * MTC });
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  const blockNumberOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
  // Power at snapshot `at` (read as of the next block), which must be readable.
  const power = async (who, at) => (await api.call.tokenApi.votingPowerAt(who, at)).unwrap().toBigInt();

  test('a transfer changes voting power only from its own block on', async () => {
    const [fresh] = await freshAccounts(api, keyring, 'token-voter', 1);
    const amount = 777n * MTC;
    const before = await blockNumberOf(await api.rpc.chain.getBlockHash());
    const { blockHash, dispatchError } = await sendAndWait(
      api, api.tx.balances.transferKeepAlive(fresh.address, amount), sender);
    assert.equal(dispatchError, null);
    const n = await blockNumberOf(blockHash);
    assert.ok(n > before);

    assert.equal(await power(fresh.address, n - 1), 0n);
    assert.equal(await power(fresh.address, n), amount);
    const senderBefore = await power(sender.address, n - 1);
    const senderAt = await power(sender.address, n);
    assert.ok(senderBefore - senderAt > amount, 'the sender lost the amount and the fee');
    const current = (await api.call.tokenApi.currentVotingPower(fresh.address)).toBigInt();
    assert.equal(current, amount);
  });

  test('a transfer to oneself is refused with the decoded module error balances.SelfTransfer', async () => {
    const before = (await api.query.system.account(sender.address)).data.free.toBigInt();
    const { dispatchError } = await sendAndWait(api, api.tx.balances.transferKeepAlive(sender.address, MTC), sender);
    assert.equal(dispatchError, 'balances.SelfTransfer');
    const after = (await api.query.system.account(sender.address)).data.free.toBigInt();
    assert.ok(before - after < MTC / 10n, 'only the fee was paid');
  });

  test('fees are paid in MTC and burnt from the supply', async () => {
    const { blockHash, events } = await sendAndWait(
      api, api.tx.system.remark('0x6d657461636572'), sender);
    const isFee = ({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event);
    const fee = events.find(isFee).event.data.actualFee.toBigInt();
    assert.ok(fee > 0n);
    const n = await blockNumberOf(blockHash);
    const before = (await api.call.tokenApi.totalSupplyAt(n - 1)).unwrap().toBigInt();
    const at = (await api.call.tokenApi.totalSupplyAt(n)).unwrap().toBigInt();
    // Every fee of the block is burnt: this one, and those of any other transaction in it.
    const fees = (await api.query.system.events.at(blockHash)).filter(isFee)
      .map(({ event }) => event.data.actualFee.toBigInt());
    assert.ok(fees.includes(fee));
    assert.equal(before - at, fees.reduce((a, b) => a + b, 0n));
  });

  test('a snapshot no longer readable has no value', async () => {
    // Past the first 15 blocks, the end of block 0 is no longer readable (a snapshot every block
    // on the dev chain, 15 readable at once). The shared dev node is usually older already.
    await waitFor('block #16', async () => (await bestNumber(api)) >= 16, { timeoutMs: 150_000 });
    const best = await blockNumberOf(await api.rpc.chain.getBlockHash());
    const snapshots = (await api.call.tokenApi.readableSnapshots()).map((b) => b.toNumber());
    assert.ok(snapshots.at(-1) >= best, 'the latest snapshot is the end of the best block');
    assert.equal(snapshots.length, Math.min(15, snapshots.at(-1) + 1));
    const expired = await api.call.tokenApi.votingPowerAt(sender.address, snapshots[0] - 1);
    assert.ok(expired.isNone);
  });

  test('delegation lends the power of a fixed, frozen amount to the delegate', async () => {
    const delegatorOwn = (await api.call.tokenApi.currentVotingPower(delegator.address)).toBigInt();
    const delegateeOwn = (await api.call.tokenApi.currentVotingPower(delegatee.address)).toBigInt();
    const amount = 400n * MTC;
    const { blockHash, dispatchError } = await sendAndWait(
      api, api.tx.balances.delegate(delegatee.address, amount), delegator);
    assert.equal(dispatchError, null);
    const n = await blockNumberOf(blockHash);
    const delegatorAt = await power(delegator.address, n);
    assert.ok(delegatorOwn - delegatorAt >= amount && delegatorOwn - delegatorAt < amount + MTC,
      'the delegator lost the amount (and a fee)');
    assert.equal(await power(delegatee.address, n), delegateeOwn + amount);
    assert.equal(await power(delegatee.address, n - 1), delegateeOwn);
    const delegation = (await api.call.tokenApi.delegationOf(delegator.address)).unwrap();
    assert.equal(delegation[0].toString(), delegatee.address);
    assert.equal(delegation[1].toBigInt(), amount);
    // The amount is frozen: wallets show it as not transferable.
    const data = (await api.query.system.account(delegator.address)).data;
    assert.equal(data.frozen.toBigInt(), amount);

    // The delegator's transfers do not touch the delegate.
    const moved = await sendAndWait(api, api.tx.balances.transferKeepAlive(sender.address, 10n * MTC), delegator);
    assert.equal(moved.dispatchError, null);
    const m = await blockNumberOf(moved.blockHash);
    assert.equal(await power(delegatee.address, m), delegateeOwn + amount);

    // Delegating to self is refused with a decoded module error.
    const bad = await sendAndWait(api, api.tx.balances.delegate(delegatee.address, amount), delegatee);
    assert.equal(bad.dispatchError, 'balances.SelfDelegation');

    // Undelegating gives the power back and thaws the amount.
    const back = await sendAndWait(api, api.tx.balances.undelegate(), delegator);
    assert.equal(back.dispatchError, null);
    const k = await blockNumberOf(back.blockHash);
    // (The delegatee paid a fee for its refused delegation: its power is what it owns now.)
    const own = (await api.query.system.account.at(back.blockHash, delegatee.address)).data;
    assert.equal(await power(delegatee.address, k), own.free.toBigInt() + own.reserved.toBigInt());
    assert.equal((await api.query.system.account(delegator.address)).data.frozen.toBigInt(), 0n);
  });
});
