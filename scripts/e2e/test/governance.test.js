// Governance seen from polkadot.js: a proposal noted as a preimage, votes by extrinsic, by
// signed messages (signRaw-style `<Bytes>` wrapping, bytes from the GovernanceApi runtime API)
// relayed in one batch, and fee-less; approval and enactment with Root; a rejection below
// turnout; deposits returned. Then what an attacker would try: a raw storage write of the class
// rules under every class, and hundreds of pre-signed fee-less votes to fill blocks for free.
// Runs on the suite's shared dev node (devNode): proposal indices come from the events, balances
// and deposits are compared with what they were before, and no vote depends on the dev
// accounts' powers being equal (other files' fees and transfers move them).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import {
  CANCELLATION, PARAMETER_CHANGE, PROTOCOL_UPGRADE, ROOT, propose as proposeOn, signVoteMessage, voteAll,
  waitForEvent as waitForEventOn,
} from '../lib/chain.js';
import { connect, devNode, waitFor } from '../lib/node.js';
import { sendAndWait } from '../lib/tx.js';

const MTC = 10n ** 12n;

describe('governance (pallet-governance)', () => {
  let node;
  let api;
  let keyring;
  let alice; let bob; let charlie; let dave; let eve; let ferdie;

  before(async () => {
    await cryptoWaitReady();
    node = await devNode('governance');
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

    const approvedIndex = await propose(alice, enactCall, ROOT);
    const rejectedIndex = await propose(ferdie, api.tx.system.remark('0x6e6f'), ROOT);
    const deposit = (await api.query.governance.proposalOf(approvedIndex)).unwrap().deposit.toBigInt();
    assert.ok(deposit > 0n, 'a deposit is held while the proposal is open');
    assert.equal(await reserved(alice) - aliceReserved > deposit, true, 'deposit (and preimage deposit) held');

    // Alice and Ferdie vote by extrinsic. (Alice and Bob alone against Charlie's nay meet two
    // thirds only while their powers add up to twice Charlie's, to within 0.006 MTC: equal
    // endowments do, but a few more fees or transfers of Alice's on a shared chain would not.)
    await voteAll(api, approvedIndex, [alice, ferdie]);

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
    assert.equal(summary.tally.voters.toNumber(), 4);
    assert.equal(summary.passing.isTrue, true);

    // Decision at the voting end, enactment two blocks later.
    const approved = await waitForEvent((e) => api.events.governance.Approved.is(e) && e.data.index.toNumber() === approvedIndex);
    const enacted = await waitForEvent((e) => api.events.governance.Enacted.is(e) && e.data.index.toNumber() === approvedIndex);
    assert.ok(enacted.number > approved.number);
    assert.equal(await free(target), 42n * MTC, 'the Root call ran');

    const rejectedStatus = (await api.query.governance.proposalOf(rejectedIndex)).unwrap().status;
    assert.equal(rejectedStatus.isRejected, true, 'one voter of 12 is below the 20% turnout');

    // Deposits came back to both proposers.
    const aliceProposal = (await api.query.governance.proposalOf(approvedIndex)).unwrap();
    assert.equal(aliceProposal.deposit.toBigInt(), 0n);
    assert.equal(aliceProposal.status.isEnacted, true);
    const ferdieProposal = (await api.query.governance.proposalOf(rejectedIndex)).unwrap();
    assert.equal(ferdieProposal.deposit.toBigInt(), 0n);
    assert.ok(await reserved(alice) - aliceReserved < deposit, 'the submission deposit was released');
  });

  test('a bad signed vote is refused by the pool and a call too strong for its class is refused', async () => {
    const index = await propose(dave, api.tx.system.remark('0x7878'), ROOT);
    const forged = { ...(await signVote(bob, index, 'Aye')), voter: charlie.address };
    await assert.rejects(api.tx.governance.voteBySignature(index, forged).send(), /Invalid|BadProof|bad signature/i);

    const force = api.tx.balances.forceSetBalance(eve.address, 1n);
    const { dispatchError } = await sendAndWait(
      api, api.tx.governance.submit({ Inline: force.method.toHex() }, CANCELLATION, null), dave);
    assert.equal(dispatchError, 'governance.ClassTooWeak', 'a Root call under the cancellation class');
  });

  test('a raw write of the class rules is refused at submission under every class', async () => {
    // `system.setStorage` on `Governance::ClassOf(0)`: what would lower the protocol-upgrade rule.
    const key = api.query.governance.classOf.key(PROTOCOL_UPGRADE);
    const weakRule = '0x00';
    const calls = [
      api.tx.system.setStorage([[key, weakRule]]),
      api.tx.system.killStorage([key]),
      api.tx.system.setCode('0x00'),
      api.tx.governance.enact(0, { refTime: 0, proofSize: 0 }),
    ];
    const classes = [...(await api.query.governance.classOf.keys())].map((k) => k.args[0].toNumber());
    assert.deepEqual(classes.sort(), [0, 1, 2, 3]);
    const attempts = [];
    for (const call of calls) {
      const required = await api.call.governanceApi.requiredClass(call.method);
      assert.equal(required.isNone, true, `${call.method.section}.${call.method.method}: no class`);
      for (const classId of classes) attempts.push({ call, classId });
    }
    // All at once, with consecutive nonces of the same proposer.
    const first = (await api.rpc.system.accountNextIndex(dave.address)).toNumber();
    const results = await Promise.all(attempts.map(({ call, classId }, i) => sendAndWait(
      api, api.tx.governance.submit({ Inline: call.method.toHex() }, classId, null), dave, { nonce: first + i })));
    results.forEach(({ dispatchError }, i) => {
      const { call, classId } = attempts[i];
      assert.equal(dispatchError, 'governance.CallForbidden',
        `${call.method.section}.${call.method.method} under class ${classId}`);
    });
    // The rule is untouched, and the runtime API tells clients the class an ordinary call needs.
    assert.equal((await api.query.governance.classOf(PROTOCOL_UPGRADE)).unwrap().name.toUtf8(), 'protocol upgrade');
    const force = api.tx.balances.forceSetBalance(eve.address, 1n);
    assert.equal((await api.call.governanceApi.requiredClass(force.method)).unwrap().toNumber(), ROOT);
  });

  test('a parameter-change proposal sets a fee-less vote limit; no other class can', async () => {
    const set = api.tx.parameters.setParameter({ FeelessVotes: { MaxPerBlock: [null, 42] } });
    assert.equal((await api.call.governanceApi.requiredClass(set.method)).unwrap().toNumber(), PARAMETER_CHANGE);
    // Not under the root class: a class of another origin cannot stand in for it.
    const underRoot = await sendAndWait(
      api, api.tx.governance.submit({ Inline: set.method.toHex() }, ROOT, null), dave);
    assert.equal(underRoot.dispatchError, 'governance.ClassTooWeak');
    const index = await propose(dave, set, PARAMETER_CHANGE);
    const updated = waitForEvent((e) => api.events.parameters.Updated.is(e), 20);
    await Promise.all([alice, bob].map(async (who) =>
      assert.equal((await sendAndWait(api, api.tx.governance.vote(index, 'Aye'), who)).dispatchError, null)));
    const { event } = await updated;
    assert.match(JSON.stringify(event.data.toJSON()), /42/);
    const status = (await api.query.governance.proposalOf(index)).unwrap().status;
    assert.equal(status.isEnacted && status.asEnacted.ok.isTrue, true);
  });

  test('hundreds of pre-signed fee-less votes count once and leave paid transactions room', async () => {
    const index = await propose(dave, api.tx.system.remark('0x666c6f6f64'), ROOT);
    const holder = keyring.addFromUri('//Charlie');
    const count = 300;
    // Pre-signed with rising nonces, alternating choices: the free flood of the old rules.
    const payloads = await Promise.all([...Array(count).keys()].map((nonce) =>
      api.call.governanceApi.votePayload(index, nonce % 2 ? 'Nay' : 'Aye', nonce)));
    const votes = payloads.map((p, nonce) => signVoteMessage(holder, p.unwrap().toU8a(), nonce % 2 ? 'Nay' : 'Aye', nonce));
    const before = (await api.rpc.chain.getHeader()).number.toNumber();
    // A paid transfer sent at the same time as the flood.
    const transfer = sendAndWait(api, api.tx.balances.transferKeepAlive(ferdie.address, MTC), bob);
    const outcomes = await Promise.allSettled(votes.map((v) => api.tx.governance.voteBySignature(index, v).send()));
    const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
    assert.equal(accepted, 1, 'the pool takes the first vote only');
    const reasons = new Set(outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason.message.split(':').slice(0, 2).join(':')));
    assert.ok([...reasons].every((r) => /Invalid Transaction/.test(r)), `refused as invalid: ${[...reasons]}`);

    const { blockHash, dispatchError } = await transfer;
    assert.equal(dispatchError, null);
    const included = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    // The next block after the flood (one more if the flood straddled a block boundary).
    assert.ok(included <= before + 2, `transfer in block ${included}, flood sent after block ${before}`);

    await waitFor('the fee-less vote in a block', async () =>
      (await api.call.governanceApi.nextNonce(index, holder.address)).toNumber() === 1, { timeoutMs: 60_000 });
    const tally = (await api.call.governanceApi.proposal(index)).unwrap().tally;
    assert.equal(tally.voters.toNumber(), 1);
    assert.equal(tally.aye.toBigInt() > 0n, true, 'the nonce-0 vote (Aye) counted');
    // Changing the vote is never free: the pool refuses nonce 1 fee-less (not a first vote)...
    await assert.rejects(api.tx.governance.voteBySignature(index, votes[1]).send(), /Invalid Transaction/);
    // ...and a relayer's paid batch carries it.
    const relayed = await sendAndWait(api, api.tx.governance.submitSignedVotes(index, [votes[1]]), dave);
    assert.ok(relayed.events.some(({ event }) => api.events.governance.Voted.is(event)));
    assert.equal((await api.call.governanceApi.proposal(index)).unwrap().tally.nay.toBigInt() > 0n, true);
  });
});
