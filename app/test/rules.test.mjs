// The app's pure rules (src/chain.js, src/errors.js), table by table.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DEFAULT_RPC, duration, formatBalance, fromHex, parseBalance, percent, rpcFromQuery, share, sortVotes, standing,
  votesCsv, wrapBytes,
} from '../src/chain.js';
import { dispatchErrorText, errorText, worded } from '../src/errors.js';

const MTC = { decimals: 12, symbol: 'MTC' };

test('formatBalance_works', () => {
  for (const [planck, text] of [
    [0n, '0 MTC'],
    [1n, '< 0.0001 MTC'],
    [10n ** 8n, '0.0001 MTC'],
    [10n ** 12n, '1 MTC'],
    [1_234_500_000_000_000n, '1,234.5 MTC'],
    [1_000_000n * 10n ** 12n + 99n, '1,000,000 MTC'],
    [2n ** 128n - 1n, '340,282,366,920,938,463,463,374,607.4317 MTC'],
  ]) assert.equal(formatBalance(planck, MTC), text, `${planck}`);
});

test('parseBalance_works_and_fails', () => {
  for (const [input, planck] of [['1', 10n ** 12n], ['0.5', 5n * 10n ** 11n], ['1,000', 1000n * 10n ** 12n], ['0.000000000001', 1n]]) {
    assert.equal(parseBalance(input, MTC), planck, input);
  }
  for (const bad of ['', '-1', '1e3', 'abc', '0.0000000000001', '1.2.3', '1,5', '1,00', ',100', '340282366920938463463374607.431768211456']) {
    assert.throws(() => parseBalance(bad, MTC), bad);
  }
});

test('standing_counts_as_the_pallet_does', () => {
  const rule = { min_approval: 666_666_666, min_turnout: 200_000_000, min_voters: 1 };
  for (const [tally, electorate, passing, why] of [
    [{ aye: 0n, nay: 0n, abstain: 0n, voters: 0 }, 100n, false, 'no votes'],
    [{ aye: 20n, nay: 0n, abstain: 0n, voters: 1 }, 100n, true, 'exactly the turnout'],
    [{ aye: 19n, nay: 0n, abstain: 0n, voters: 1 }, 100n, false, 'below the turnout'],
    [{ aye: 2n, nay: 1n, abstain: 30n, voters: 3 }, 100n, true, 'abstain counts for turnout only; 2 of 3 is two thirds'],
    [{ aye: 1n, nay: 1n, abstain: 30n, voters: 2 }, 100n, false, 'a tie is not two thirds'],
    [{ aye: 0n, nay: 0n, abstain: 50n, voters: 1 }, 100n, false, 'only abstentions: no approval'],
    [{ aye: 50n, nay: 0n, abstain: 0n, voters: 1 }, 0n, false, 'an empty electorate has no turnout'],
  ]) assert.equal(standing(tally, rule, electorate).passing, passing, why);
  assert.equal(standing({ aye: 1n, nay: 0n, abstain: 0n, voters: 0 }, { ...rule, min_voters: 1 }, 1n).passing, false, 'too few voters');
  assert.equal(standing({ aye: 1n, nay: 0n, abstain: 0n, voters: 1 }, { ...rule, min_turnout: 0 }, 0n).passing, false, 'an empty electorate approves nothing, even with no turnout needed');
});

test('percent_and_share_work', () => {
  assert.equal(percent(500_000_001), '50%');
  assert.equal(percent(666_666_666), '66.67%');
  assert.equal(percent(0), '0%');
  assert.equal(share(1n, 3n), 333_333_333);
  assert.equal(share(5n, 0n), 0);
});

test('duration_works', () => {
  for (const [ms, text] of [[6_000, '6 s'], [-6_000, '6 s'], [600_000, '10 min'], [3 * 3_600_000, '3 h 0 min'], [14 * 86_400_000, '14 d 0 h']]) {
    assert.equal(duration(ms), text, `${ms}`);
  }
});

test('rpcFromQuery_takes_only_websocket_urls', () => {
  assert.equal(rpcFromQuery(''), DEFAULT_RPC);
  assert.equal(rpcFromQuery('?rpc=ws://10.0.0.1:9944'), 'ws://10.0.0.1:9944');
  assert.equal(rpcFromQuery('?rpc=wss%3A%2F%2Frpc.example'), 'wss://rpc.example');
  assert.equal(rpcFromQuery('?rpc=javascript:alert(1)'), DEFAULT_RPC);
});

test('voters_sort_and_export', () => {
  const votes = [{ who: 'b', choice: 'Nay', power: 5n }, { who: 'a', choice: 'Aye', power: 10n ** 30n }, { who: 'c', choice: 'Abstain', power: 7n }];
  assert.deepEqual(sortVotes(votes, 'power', -1).map((v) => v.who), ['a', 'c', 'b']);
  assert.deepEqual(sortVotes(votes, 'who', 1).map((v) => v.who), ['a', 'b', 'c']);
  assert.equal(votesCsv(votes), `voter,choice,power\nb,Nay,5\na,Aye,${10n ** 30n}\nc,Abstain,7`);
});

test('fromHex_takes_only_whole_hex_bytes', () => {
  assert.deepEqual([...fromHex('0x00ff10')], [0, 255, 16]);
  for (const bad of ['0x0', '0x0000 12', '0xzz', '0x123']) assert.throws(() => fromHex(bad), bad);
});

test('wrapBytes_wraps_as_the_extension_does', () => {
  assert.equal(new TextDecoder().decode(wrapBytes(new TextEncoder().encode('x'))), '<Bytes>x</Bytes>');
});

test('errors_are_words', () => {
  const docs = (p, e) => (p === 'Governance' && e === 'VotingClosed' ? 'Voting has ended.' : null);
  assert.equal(dispatchErrorText({ type: 'Module', value: { type: 'Governance', value: { type: 'VotingClosed' } } }, docs), 'Governance.VotingClosed: Voting has ended.');
  assert.equal(dispatchErrorText({ type: 'Module', value: { type: 'Balances', value: { type: 'SelfTransfer' } } }, docs), 'Balances.SelfTransfer');
  assert.equal(dispatchErrorText({ type: 'Arithmetic', value: { type: 'Underflow' } }), 'Arithmetic: Underflow');
  assert.equal(dispatchErrorText({ type: 'BadOrigin' }), 'BadOrigin');
  assert.match(errorText({ error: { type: 'Invalid', value: { type: 'BadProof' } } }), /signature does not match/);
  assert.match(errorText({ error: { type: 'Invalid', value: { type: 'Custom', value: 2 } } }), /only a first vote goes fee-less/);
  assert.match(errorText(new Error('Cancelled')), /^the wallet did not sign: Cancelled$/);
  assert.equal(errorText(new Error('something else')), 'something else');
  assert.equal(errorText(new Error('Error: Cancelled')), 'the wallet did not sign: Cancelled', 'as a wallet relays it');
  assert.equal(errorText(worded('refused by the chain: x')), 'refused by the chain: x', 'words are not wrapped twice');
});

test('votePayload_signs_only_the_vote_chosen_works_and_fails', async () => {
  const { getTypedCodecs } = await import('polkadot-api');
  const { metacert } = await import('../.papi/descriptors/dist/index.js');
  const { Enum, VOTE_DOMAIN, toHex, votePayload } = await import('../src/chain.js');
  const codecs = await getTypedCodecs(metacert);
  const GOVERNANCE = 8;
  const proposal = { index: 7, call_hash: `0x${'ab'.repeat(32)}` };
  const honest = {
    domain: toHex(VOTE_DOMAIN), genesis_hash: `0x${'11'.repeat(32)}`, pallet_index: GOVERNANCE, proposal: 7,
    call_hash: proposal.call_hash, choice: Enum('Aye'), nonce: 0,
  };
  const chainReturning = (payload) => ({
    url: 'ws://node', genesisHash: honest.genesis_hash, codecs,
    api: {
      apis: { GovernanceApi: { vote_payload: async () => payload } },
      tx: { Governance: { vote: () => ({ getEncodedData: async () => new Uint8Array([GOVERNANCE, 1, 0]) }) } },
    },
  });
  const bytes = await votePayload(chainReturning(honest), proposal, 'Aye', 0);
  assert.equal(bytes.length, 16 + 32 + 1 + 4 + 32 + 1 + 4, 'the SCALE encoding of VotePayload');
  assert.deepEqual([...bytes.subarray(0, 16)], [...VOTE_DOMAIN]);
  for (const [field, value] of [
    ['domain', `0x${'00'.repeat(16)}`], ['genesis_hash', `0x${'22'.repeat(32)}`], ['pallet_index', 9], ['proposal', 8],
    ['call_hash', `0x${'cd'.repeat(32)}`], ['choice', Enum('Nay')], ['nonce', 1],
  ]) {
    await assert.rejects(votePayload(chainReturning({ ...honest, [field]: value }), proposal, 'Aye', 0), new RegExp(`${field}.*not signed`), field);
  }
  assert.equal(await votePayload(chainReturning(undefined), proposal, 'Aye', 0), null, 'no such proposal');
});
