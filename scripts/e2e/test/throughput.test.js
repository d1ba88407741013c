// The throughput run of benchmarks/throughput.sh, small: the `benchmark` chain endows the
// numbered accounts, and each phase (transfers, votes by extrinsic, batched signed votes) is
// finalized, checked on chain and measured.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { runThroughput } from '../lib/throughput.js';

test('throughput: 120 transfers, votes by extrinsic and signed votes in batches of 50 are measured', async () => {
  const result = await runThroughput({ accounts: 120, batch: 50, quiet: true });
  assert.equal(result.accounts, 120);
  assert.deepEqual(result.phases.map((p) => p.name),
    ['(a) transfers', '(b) votes by extrinsic', '(c) signed votes, batched']);
  const [transfers, votes, signed] = result.phases;
  for (const p of result.phases) {
    assert.equal(p.items, 120, p.name);
    assert.equal(p.per_block.reduce((sum, b) => sum + b.items, 0), 120, `${p.name}: items of its blocks`);
    assert.equal(p.blocks, p.per_block.length);
    assert.ok(p.first_block <= p.last_block);
    assert.ok(p.seconds_to_finality > 0 && p.items_per_second > 0);
    assert.equal(p.max_items_per_block, Math.max(...p.per_block.map((b) => b.items)));
  }
  assert.equal(transfers.extrinsics, 120);
  assert.equal(votes.extrinsics, 120);
  assert.equal(signed.extrinsics, 3, 'three relayed batches: 50 + 50 + 20');
  // Phases run one after the other.
  assert.ok(transfers.last_block < votes.first_block && votes.last_block < signed.first_block);
});

test('throughput: a run larger than the endowed accounts is refused', async () => {
  await assert.rejects(runThroughput({ accounts: 10_001, quiet: true }), /from 2 to 10000/);
  await assert.rejects(runThroughput({ accounts: 1, quiet: true }), /from 2 to 10000/);
});
