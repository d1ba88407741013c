// A 2-validator `--chain local` network (Alice and Bob) on loopback: the nodes peer and finalize.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, peerIdOf, rpc, startNode, waitFor } from '../lib/node.js';

// Fixed node keys so that the peers know each other's address in advance.
const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';

describe('local testnet (metacert-node --chain local, Alice + Bob)', () => {
  let alice;
  let bob;
  let keyDir;

  before(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'metacert-e2e-keys-'));
    const alicePeer = peerIdOf(ALICE_NODE_KEY, keyDir);
    const alicePort = await freePort();
    alice = await startNode({
      name: 'alice',
      p2pPort: alicePort,
      args: ['--chain', 'local', '--alice', '--validator', '--node-key', ALICE_NODE_KEY],
    });
    bob = await startNode({
      name: 'bob',
      args: ['--chain', 'local', '--bob', '--validator', '--node-key', BOB_NODE_KEY,
        '--bootnodes', `/ip4/127.0.0.1/tcp/${alicePort}/p2p/${alicePeer}`],
    });
  });

  after(async () => {
    await Promise.all([alice?.stop(), bob?.stop()]);
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
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
