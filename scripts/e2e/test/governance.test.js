// Governance seen from polkadot.js: a proposal noted as a preimage, votes by extrinsic, by
// signed messages (signRaw-style `<Bytes>` wrapping, bytes from the GovernanceApi runtime API)
// relayed in one batch, and fee-less; approval and enactment with Root; a rejection below
// turnout; deposits returned.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import {
  GENERAL_ROOT, propose as proposeOn, signVoteMessage, waitForEvent as waitForEventOn,
} from '../lib/chain.js';
import { connect, startNode } from '../lib/node.js';
import { sendAndWait } from '../lib/tx.js';

const MTC = 10n ** 12n;

describe('governance (pallet-governance)', () => {
  let node;
  let api;
  let keyring;
  let alice; let bob; let charlie; let dave; let eve; let ferdie;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ name: 'governance', args: ['--dev'] });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
      .map((n) => keyring.addFromUri(`//${n}`));
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  const waitForEvent = (pred, blocks) => waitForEventOn(api, pred, blocks);
  const propose = (who, call, classId) => proposeOn(api, who, call, classId);

  /** A vote message signed the way polkadot.js `signRaw` and extension wallets sign bytes. */
  async function signVote(pair, index, choice) {
    const nonce = (await api.call.governanceApi.nextNonce(index, pair.address)).toNumber();
    const payload = (await api.call.governanceApi.votePayload(index, choice, nonce)).unwrap();
    // The message's SCALE encoding is the exact bytes to sign; signRaw wraps them in <Bytes>.
    return signVoteMessage(pair, payload.toU8a(), choice, nonce);
  }

  const reserved = async (who) => (await api.query.system.account(who.address)).data.reserved.toBigInt();
  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();

  test('an approved proposal is enacted with Root; one below turnout is rejected; deposits come back', async () => {
    const target = keyring.addFromUri('//GovernanceTarget');
    const enactCall = api.tx.balances.forceSetBalance(target.address, 42n * MTC);
    const aliceReserved = await reserved(alice);

    const approvedIndex = await propose(alice, enactCall, GENERAL_ROOT);
    const rejectedIndex = await propose(ferdie, api.tx.system.remark('0x6e6f'), GENERAL_ROOT);
    const deposit = (await api.query.governance.proposalOf(approvedIndex)).unwrap().deposit.toBigInt();
    assert.ok(deposit > 0n, 'a deposit is held while the proposal is open');
    assert.equal(await reserved(alice) - aliceReserved > deposit, true, 'deposit (and preimage deposit) held');

    // Alice votes by extrinsic.
    const byExtrinsic = await sendAndWait(api, api.tx.governance.vote(approvedIndex, 'Aye'), alice);
    assert.equal(byExtrinsic.dispatchError, null);

    // Bob and Charlie sign vote messages; Dave relays both in one batch.
    const votes = [await signVote(bob, approvedIndex, 'Aye'), await signVote(charlie, approvedIndex, 'Nay')];
    const relayed = await sendAndWait(api, api.tx.governance.submitSignedVotes(approvedIndex, votes), dave);
    assert.equal(relayed.dispatchError, null);
    const voted = relayed.events.filter(({ event }) => api.events.governance.Voted.is(event));
    assert.deepEqual(voted.map(({ event }) => event.data.voter.toString()), [bob.address, charlie.address]);
    assert.equal((await api.call.governanceApi.nextNonce(approvedIndex, bob.address)).toNumber(), 1);

    // The same batch relayed again counts nothing: each vote is rejected as stale.
    const again = await sendAndWait(api, api.tx.governance.submitSignedVotes(approvedIndex, votes), dave);
    const rejected = again.events.filter(({ event }) => api.events.governance.SignedVoteRejected.is(event));
    assert.deepEqual(rejected.map(({ event }) => event.data.reason.toString()), ['StaleNonce', 'StaleNonce']);

    // Eve votes fee-less on the other proposal: an unsigned transaction, no fee paid.
    const eveFree = await free(eve);
    const eveVote = await signVote(eve, rejectedIndex, 'Aye');
    const feeless = await new Promise((resolve, reject) => {
      api.tx.governance.voteBySignature(rejectedIndex, eveVote).send(({ status, events }) => {
        if (status.isInBlock) resolve(events);
        else if (status.isInvalid || status.isDropped) reject(new Error(status.type));
      }).catch(reject);
    });
    assert.ok(feeless.some(({ event }) => api.events.governance.Voted.is(event)));
    assert.equal(await free(eve), eveFree, 'a fee-less vote costs the voter nothing');

    const summary = (await api.call.governanceApi.proposal(approvedIndex)).unwrap();
    assert.equal(summary.tally.voters.toNumber(), 3);
    assert.equal(summary.passing.isTrue, true);

    // Decision at the voting end, enactment two blocks later.
    const approved = await waitForEvent((e) => api.events.governance.Approved.is(e) && e.data.index.toNumber() === approvedIndex);
    const enacted = await waitForEvent((e) => api.events.governance.Enacted.is(e) && e.data.index.toNumber() === approvedIndex);
    assert.ok(enacted.number > approved.number);
    assert.equal(await free(target), 42n * MTC, 'the Root call ran');

    const rejectedStatus = (await api.query.governance.proposalOf(rejectedIndex)).unwrap().status;
    assert.equal(rejectedStatus.isRejected, true, 'one voter of 12 is below the 15% turnout');

    // Deposits came back to both proposers.
    const aliceProposal = (await api.query.governance.proposalOf(approvedIndex)).unwrap();
    assert.equal(aliceProposal.deposit.toBigInt(), 0n);
    assert.equal(aliceProposal.status.isEnacted, true);
    const ferdieProposal = (await api.query.governance.proposalOf(rejectedIndex)).unwrap();
    assert.equal(ferdieProposal.deposit.toBigInt(), 0n);
    assert.ok(await reserved(alice) - aliceReserved < deposit, 'the submission deposit was released');
  });

  test('a bad signed vote is refused by the pool and a call too strong for its class is refused', async () => {
    const index = await propose(dave, api.tx.system.remark('0x7878'), GENERAL_ROOT);
    const forged = { ...(await signVote(bob, index, 'Aye')), voter: charlie.address };
    await assert.rejects(api.tx.governance.voteBySignature(index, forged).send(), /Invalid|BadProof|bad signature/i);

    const upgrade = api.tx.system.setCode('0x00');
    const bytes = upgrade.method.toU8a();
    const { dispatchError } = await sendAndWait(
      api, api.tx.governance.submit({ Inline: u8aToHex(bytes) }, GENERAL_ROOT, null), dave);
    assert.equal(dispatchError, 'governance.ClassTooWeak');
  });
});
