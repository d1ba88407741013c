// A 2-validator `--chain local` network (Alice and Bob) on loopback: the nodes peer and finalize.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { rpc, startLocalNetwork, waitFor } from '../lib/node.js';

describe('local testnet (metacert-node --chain local, Alice + Bob)', () => {
  let alice;
  let bob;
  let network;

  before(async () => {
    network = await startLocalNetwork();
    ({ alice, bob } = network);
  });

  after(async () => {
    await network?.stop();
  });

  test('the two validators peer', async () => {
    await waitFor('peers', async () => {
      const [a, b] = await Promise.all([rpc(alice.rpcPort, 'system_health'), rpc(bob.rpcPort, 'system_health')]);
      return a.peers >= 1 && b.peers >= 1;
    }, { timeoutMs: 60_000 });
  });

  test('both nodes author and finalize the same chain', async () => {
    const finalizedNumber = async (node) => {
      const hash = await rpc(node.rpcPort, 'chain_getFinalizedHead');
      const header = await rpc(node.rpcPort, 'chain_getHeader', [hash]);
      return parseInt(header.number, 16);
    };
    await waitFor('block #4 finalized on both nodes', async () =>
      (await finalizedNumber(alice)) >= 4 && (await finalizedNumber(bob)) >= 4, { timeoutMs: 120_000 });

    // Both nodes agree on the chain.
    const hashA = await rpc(alice.rpcPort, 'chain_getBlockHash', [2]);
    const hashB = await rpc(bob.rpcPort, 'chain_getBlockHash', [2]);
    assert.equal(hashA, hashB);
    const spec = await rpc(alice.rpcPort, 'system_chain');
    assert.equal(spec, 'MetaCert Local Testnet');
  });
});
