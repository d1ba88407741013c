// The MTC token (pallet-token as `Balances`) seen from polkadot.js: fees in MTC, voting power
// read at an earlier block through the TokenApi runtime API, delegation.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { connect, startNode } from '../lib/node.js';
import { sendAndWait } from '../lib/tx.js';

const MTC = 10n ** 12n;

describe('MTC token (pallet-token)', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ name: 'token', args: ['--dev'] });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  const blockNumberOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
  const power = async (who, at) => (await api.call.tokenApi.votingPowerAt(who, at)).toBigInt();

  test('a transfer changes voting power only from its own block on', async () => {
    const charlie = keyring.addFromUri('//Charlie');
    const fresh = keyring.addFromUri('//MetaCertVoter');
    const amount = 777n * MTC;
    const before = await blockNumberOf(await api.rpc.chain.getBlockHash());
    const { blockHash, dispatchError } = await sendAndWait(
      api, api.tx.balances.transferKeepAlive(fresh.address, amount), charlie);
    assert.equal(dispatchError, null);
    const n = await blockNumberOf(blockHash);
    assert.ok(n > before);

    assert.equal(await power(fresh.address, n - 1), 0n);
    assert.equal(await power(fresh.address, n), amount);
    const charlieBefore = await power(charlie.address, n - 1);
    const charlieAt = await power(charlie.address, n);
    assert.ok(charlieBefore - charlieAt > amount, 'Charlie lost the amount and the fee');
    const current = (await api.call.tokenApi.currentVotingPower(fresh.address)).toBigInt();
    assert.equal(current, amount);
  });

  test('a transfer to oneself is refused with the decoded module error balances.SelfTransfer', async () => {
    const bob = keyring.addFromUri('//Bob');
    const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const { dispatchError } = await sendAndWait(api, api.tx.balances.transferKeepAlive(bob.address, MTC), bob);
    assert.equal(dispatchError, 'balances.SelfTransfer');
    const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
    assert.ok(before - after < MTC / 10n, 'only the fee was paid');
  });

  test('fees are paid in MTC and burnt from the supply', async () => {
    const dave = keyring.addFromUri('//Dave');
    const { blockHash, events } = await sendAndWait(
      api, api.tx.system.remark('0x6d657461636572'), dave);
    const fee = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(fee.event.data.actualFee.toBigInt() > 0n);
    const n = await blockNumberOf(blockHash);
    const before = (await api.call.tokenApi.totalSupplyAt(n - 1)).toBigInt();
    const at = (await api.call.tokenApi.totalSupplyAt(n)).toBigInt();
    assert.equal(before - at, fee.event.data.actualFee.toBigInt());
  });

  test('delegation moves voting power to the delegate', async () => {
    const eve = keyring.addFromUri('//Eve');
    const ferdie = keyring.addFromUri('//Ferdie');
    const eveOwn = (await api.call.tokenApi.currentVotingPower(eve.address)).toBigInt();
    const ferdieOwn = (await api.call.tokenApi.currentVotingPower(ferdie.address)).toBigInt();
    const { blockHash, dispatchError } = await sendAndWait(api, api.tx.balances.delegate(ferdie.address), eve);
    assert.equal(dispatchError, null);
    const n = await blockNumberOf(blockHash);
    assert.equal(await power(eve.address, n), 0n);
    const eveNow = (await api.query.system.account(eve.address)).data;
    assert.equal(await power(ferdie.address, n), ferdieOwn + eveNow.free.toBigInt() + eveNow.reserved.toBigInt());
    assert.equal(await power(ferdie.address, n - 1), ferdieOwn);
    assert.ok(eveOwn > 0n);
    const delegate = await api.call.tokenApi.delegateOf(eve.address);
    assert.equal(delegate.unwrap().toString(), ferdie.address);

    // Delegating to self is refused with a decoded module error.
    const bad = await sendAndWait(api, api.tx.balances.delegate(ferdie.address), ferdie);
    assert.equal(bad.dispatchError, 'balances.SelfDelegation');
  });
});
