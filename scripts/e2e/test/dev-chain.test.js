// The dev chain as polkadot.js sees it: chain properties, metadata, block production and
// finality, a transfer and a failing transfer. Runs on the suite's shared dev node (devNode):
// the transfers are between accounts of its own.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { freshAccounts } from '../lib/chain.js';
import { connect, devNode, waitFor } from '../lib/node.js';
import { sendAndWait } from '../lib/tx.js';

const MTC = 10n ** 12n;

describe('dev chain (metacert-node --dev)', () => {
  let node;
  let api;
  let bob;
  // A sender funded by Alice and a recipient that holds nothing yet, used by this file only.
  let sender;
  let recipient;

  before(async () => {
    await cryptoWaitReady();
    node = await devNode('dev');
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    // Accounts no other file signs with: files sharing the dev node may run at the same time, and
    // two processes sending from one account at once would race for its nonce.
    bob = keyring.addFromUri('//Bob//stash');
    [sender] = await freshAccounts(api, keyring, 'dev-chain-sender', 1,
      { funder: keyring.addFromUri('//Alice//stash'), amount: 20_000n * MTC });
    [recipient] = await freshAccounts(api, keyring, 'dev-chain-recipient', 1);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('serves the MTC chain properties (symbol, decimals, ss58)', async () => {
    const props = await api.rpc.system.properties();
    assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'MTC');
    assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    assert.equal(api.registry.chainDecimals[0], 12);
    assert.deepEqual(api.registry.chainTokens, ['MTC']);
    assert.equal(api.registry.chainSS58, 42);
  });

  test('serves metadata v15 or newer, with our pallets', async () => {
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.ok(versions.includes(15), `metadata versions ${versions}`);
    assert.ok(versions.includes(16), `metadata versions ${versions}`);
    assert.ok(api.runtimeMetadata.version >= 15, `client uses v${api.runtimeMetadata.version}`);
    const v15 = await api.call.metadata.metadataAtVersion(15);
    assert.ok(v15.isSome && v15.unwrap().length > 1000);
    for (const pallet of ['system', 'timestamp', 'aura', 'grandpa', 'balances', 'transactionPayment', 'preimage', 'scheduler']) {
      assert.ok(api.tx[pallet] || api.query[pallet], `pallet ${pallet} missing`);
    }
    assert.equal(api.tx.sudo, undefined, 'there must be no sudo');
    const version = await api.rpc.state.getRuntimeVersion();
    assert.equal(version.specName.toString(), 'metacert');
  });

  test('the runtime commits to the metadata hash of MTC with 12 decimals (CheckMetadataHash)', async () => {
    const metadata = (await api.call.metadata.metadataAtVersion(15)).unwrap().toU8a(true);
    const version = api.runtimeVersion;
    const digest = (decimals, tokenSymbol) => u8aToHex(merkleizeMetadata(metadata, {
      decimals,
      tokenSymbol,
      base58Prefix: 42,
      specName: version.specName.toString(),
      specVersion: version.specVersion.toNumber(),
    }).digest());

    // A wallet that verified the metadata (symbol MTC, 12 decimals) signs its hash: accepted.
    const ok = await sendAndWait(api, api.tx.system.remark('0x01'), bob, { mode: 1, metadataHash: digest(12, 'MTC') });
    assert.equal(ok.dispatchError, null);
    // A hash of other token metadata does not match what the runtime committed to: refused.
    await assert.rejects(
      sendAndWait(api, api.tx.system.remark('0x02'), bob, { mode: 1, metadataHash: digest(10, 'MTC') }),
      /bad signature|Invalid Transaction|1010/i,
    );
  });

  test('produces and finalizes blocks', async () => {
    await waitFor('block #3 finalized', async () => {
      const head = await api.rpc.chain.getFinalizedHead();
      const header = await api.rpc.chain.getHeader(head);
      return header.number.toNumber() >= 3;
    });
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok(best >= 3);
  });

  test('transferKeepAlive to a new account is in a block and derive.balances.all shows it', async () => {
    const amount = 12_345n * MTC;
    const senderBefore = await api.derive.balances.all(sender.address);
    const recipientBefore = await api.derive.balances.all(recipient.address);
    assert.equal(recipientBefore.freeBalance.toBigInt(), 0n, 'the recipient is new');

    const tx = api.tx.balances.transferKeepAlive(recipient.address, amount);
    const info = await tx.paymentInfo(sender);
    const { blockHash, events, dispatchError } = await sendAndWait(api, tx, sender);
    assert.equal(dispatchError, null);
    assert.ok(blockHash.startsWith('0x'));
    const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
    assert.ok(transfer, 'Transfer event');
    assert.equal(transfer.event.data.from.toString(), sender.address);
    assert.equal(transfer.event.data.to.toString(), recipient.address);
    assert.equal(transfer.event.data.amount.toBigInt(), amount);
    const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(feePaid, 'TransactionFeePaid event');
    const fee = feePaid.event.data.actualFee.toBigInt();
    assert.ok(fee > 0n && fee <= info.partialFee.toBigInt());

    const apiAt = await api.at(blockHash);
    const recipientAt = await apiAt.query.system.account(recipient.address);
    assert.equal(recipientAt.data.free.toBigInt(), recipientBefore.freeBalance.toBigInt() + amount);

    const senderAfter = await api.derive.balances.all(sender.address);
    const recipientAfter = await api.derive.balances.all(recipient.address);
    assert.equal(recipientAfter.freeBalance.toBigInt(), recipientBefore.freeBalance.toBigInt() + amount);
    assert.equal(senderAfter.freeBalance.toBigInt(), senderBefore.freeBalance.toBigInt() - amount - fee);
    // derive recognises the { free, reserved, frozen, flags } account data: with nothing held or
    // frozen, everything free is transferable.
    assert.ok(recipientAfter.transferable, 'derive computes transferable from the new account data');
    assert.equal(recipientAfter.transferable.toBigInt(), recipientAfter.freeBalance.toBigInt());
  });

  test('a transfer of more than the balance fails with a decoded error and moves nothing', async () => {
    const recipientBefore = (await api.query.system.account(recipient.address)).data.free.toBigInt();
    const senderBefore = (await api.query.system.account(sender.address)).data.free.toBigInt();
    const tooMuch = senderBefore * 2n;

    const { events, dispatchError } = await sendAndWait(
      api, api.tx.balances.transferAllowDeath(recipient.address, tooMuch), sender);
    // pallet-balances reports an overdraft through the fungible traits as TokenError::FundsUnavailable.
    assert.equal(dispatchError, 'Token.FundsUnavailable');
    assert.ok(events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)));
    assert.ok(!events.some(({ event }) => api.events.balances.Transfer.is(event)));
    const recipientAfter = (await api.query.system.account(recipient.address)).data.free.toBigInt();
    assert.equal(recipientAfter, recipientBefore);

    const senderAfter = (await api.query.system.account(sender.address)).data.free.toBigInt();
    assert.ok(senderAfter < senderBefore && senderBefore - senderAfter < MTC, 'only the fee was paid');
  });

  test('a call refused by a pallet is decoded to its module error', async () => {
    const hash = '0x' + 'ab'.repeat(32);
    const { events, dispatchError } = await sendAndWait(api, api.tx.preimage.unnotePreimage(hash), bob);
    assert.equal(dispatchError, 'preimage.NotNoted');
    const failed = events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
    assert.ok(failed.event.data.dispatchError.isModule);
  });
});
