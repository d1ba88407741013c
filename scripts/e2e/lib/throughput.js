// The end-to-end throughput run (scripts/e2e/throughput.js, benchmarks/throughput.sh, and a small
// run in the e2e suite): how many transfers, votes by extrinsic and signed-message votes relayed
// in batches a real node absorbs, measured through @polkadot/api over RPC.
//
// `runThroughput` starts its own `metacert-node --dev --chain benchmark` ($METACERT_NODE or the
// release build) and runs three phases on it, one after the other:
//   (a) transfers: N `balances.transferKeepAlive`, //i to //(i+1);
//   (b) votes by extrinsic: N `governance.vote` on one proposal;
//   (c) signed-message votes: N vote messages signed by the accounts, relayed in batches of B by
//       `governance.submitSignedVotes` from other accounts, on a second proposal.
// Every extrinsic is signed before the clock starts; the clock runs from the first submission
// until the block holding the last item is finalized. Each phase checks its outcome on chain (N
// `Transfer` / `Voted` events from its extrinsics, N voters in the tally) and the run fails
// otherwise.

import { hostname, cpus } from 'node:os';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { ROOT, propose, signVoteMessage } from './chain.js';
import { connect, nodeBinary, startNode } from './node.js';

/** The numbered accounts the runtime's `benchmark` preset endows (//0 ... //9999). */
export const MAX_ACCOUNTS = 10_000;
const MTC = 10n ** 12n;
// The development phrase (sp-core DEV_PHRASE) that `//0`, `//1`, ... are derived from.
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
// Submissions in flight at once over the one WebSocket connection.
const IN_FLIGHT = 64;
// A phase fails when none of its items reaches a finalized block for this long (20 blocks).
const STALL_MS = 120_000;

/** A progress bar on stderr (redrawn in place on a terminal, every 10% otherwise). */
function progress(label, total, quiet) {
  const tty = process.stderr.isTTY;
  const start = Date.now();
  let lastDecile = -1;
  const draw = (done, extra = '') => {
    if (quiet) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    const line = `${label.padEnd(28)} [${bar}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${secs} s ${extra}`;
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
    else {
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile) { lastDecile = decile; process.stderr.write(`${line}\n`); }
    }
  };
  draw(0);
  return { update: draw, done: () => { if (tty && !quiet) process.stderr.write('\n'); } };
}

/** Runs `fn` over `items` with at most `limit` calls in flight; calls `tick` after each. */
async function pool(items, limit, fn, tick) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Submits the signed extrinsics `txs` (carrying `itemsPerTx[i]` items each) and follows the
 * finalized chain until every one is in a finalized block. An item succeeded when its extrinsic
 * emitted an event for which `isItem(event)` holds. Returns the measurements.
 */
async function measure(api, name, txs, itemsPerTx, isItem, quiet) {
  const items = itemsPerTx.reduce((a, b) => a + b, 0);
  const pending = new Map(txs.map((tx, i) => [tx.hash.toHex(), i]));
  const startBlock = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const bar = progress(name, items, quiet);
  let finalizedItems = 0;
  let succeeded = 0;
  const blocks = [];

  const t0 = Date.now();
  let submitted = 0;
  const submission = pool(txs, IN_FLIGHT, async (tx) => {
    await api.rpc.author.submitExtrinsic(tx);
  }, () => { submitted += 1; }).then(() => (Date.now() - t0) / 1000);
  let submitError = null;
  submission.catch((err) => { submitError = err; });

  // Follow finalized blocks (every number: the finalized head can move several at once).
  let seen = startBlock;
  let seconds = null;
  let progressAt = Date.now();
  while (seconds === null) {
    if (submitError) throw new Error(`${name}: a submission was refused: ${submitError.message}`);
    if (Date.now() - progressAt > STALL_MS) {
      throw new Error(`${name}: ${pending.size} of ${txs.length} extrinsics not finalized after ${STALL_MS / 1000} s without progress`);
    }
    const head = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    for (let n = seen + 1; n <= head; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const block = await api.rpc.chain.getBlock(hash);
      const ours = [];
      let inBlock = 0;
      block.block.extrinsics.forEach((ex, index) => {
        const i = pending.get(ex.hash.toHex());
        if (i !== undefined) {
          pending.delete(ex.hash.toHex());
          ours.push(index);
          inBlock += itemsPerTx[i];
        }
      });
      seen = n;
      if (!ours.length) continue;
      progressAt = Date.now();
      succeeded += await countEvents(api, hash, ours, isItem);
      finalizedItems += inBlock;
      blocks.push({ number: n, items: inBlock, extrinsics: ours.length });
      if (pending.size === 0) seconds = (Date.now() - t0) / 1000;
    }
    bar.update(finalizedItems, `submitted ${submitted}/${txs.length}, ${blocks.length} blocks`);
    if (seconds === null) await new Promise((r) => setTimeout(r, 250));
  }
  bar.done();
  const submitSeconds = await submission;
  if (succeeded !== items) {
    throw new Error(`${name}: ${items} items finalized but ${succeeded} succeeded on chain`);
  }
  return {
    name,
    items,
    extrinsics: txs.length,
    blocks: blocks.length,
    first_block: blocks[0].number,
    last_block: blocks[blocks.length - 1].number,
    max_items_per_block: Math.max(...blocks.map((b) => b.items)),
    items_per_block: items / blocks.length,
    submit_seconds: submitSeconds,
    seconds_to_finality: seconds,
    items_per_second: items / seconds,
    per_block: blocks,
  };
}

/** The events of block `hash` applied by the extrinsics at `indices`, for which `pred` holds. */
async function countEvents(api, hash, indices, pred) {
  const wanted = new Set(indices);
  const events = await api.query.system.events.at(hash);
  return events.filter(({ phase, event }) => phase.isApplyExtrinsic
    && wanted.has(phase.asApplyExtrinsic.toNumber()) && pred(event)).length;
}

/**
 * Runs the three phases with `accounts` items each (at most MAX_ACCOUNTS) and relayed batches of
 * `batch` signed votes (default: the runtime's MaxVotesPerBatch); progress bars on stderr unless
 * `quiet`. Resolves with the measurements: { date, host, cpu, cores, node, spec_version,
 * accounts, batch, phases: [{ name, items, extrinsics, blocks, first_block, last_block,
 * max_items_per_block, items_per_block, submit_seconds, seconds_to_finality, items_per_second,
 * per_block }] }.
 */
export async function runThroughput({ accounts: n = MAX_ACCOUNTS, batch: batchSize = null, quiet = false } = {}) {
  if (!Number.isInteger(n) || n < 2 || n > MAX_ACCOUNTS) {
    // Two at least: //i transfers to //(i+1).
    throw new Error(`accounts must be an integer from 2 to ${MAX_ACCOUNTS}, not ${n}`);
  }
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

  let bar = progress('deriving accounts', n, quiet);
  const root = keyring.createFromUri(DEV_PHRASE);
  const accounts = [];
  for (let i = 0; i < n; i++) {
    accounts.push(root.derive(`//${i}`));
    if (i % 500 === 499) bar.update(i + 1);
  }
  bar.update(n);
  bar.done();
  if (accounts[0].address !== keyring.createFromUri('//0').address) {
    throw new Error('the numbered accounts do not derive as //0, //1, ...');
  }
  const alice = keyring.addFromUri('//Alice');

  const node = await startNode({
    name: 'throughput',
    args: ['--dev', '--chain', 'benchmark', '--pool-limit', String(2 * MAX_ACCOUNTS), '--pool-kbytes', '102400'],
    timeoutMs: 300_000,
  });
  let api;
  try {
    api = await connect(node);
    const last = (await api.query.system.account(accounts[n - 1].address)).data.free.toBigInt();
    if (last === 0n) throw new Error(`//${n - 1} has no balance: is this the benchmark chain spec?`);
    const batch = batchSize ?? api.consts.governance.maxVotesPerBatch.toNumber();
    if (batch > api.consts.governance.maxVotesPerBatch.toNumber()) {
      throw new Error(`--batch ${batch} is above the runtime's MaxVotesPerBatch (${api.consts.governance.maxVotesPerBatch})`);
    }
    const nonces = accounts.map(() => 0);
    /** Signs each `[tx, account index]` of `entries` with that account's next nonce, immortal. */
    const sign = async (label, entries) => {
      const b = progress(label, entries.length, quiet);
      const txs = [];
      for (const [tx, who] of entries) {
        txs.push(await tx.signAsync(accounts[who], { nonce: nonces[who]++, era: 0 }));
        if (txs.length % 250 === 0) b.update(txs.length);
      }
      b.update(txs.length);
      b.done();
      return txs;
    };
    const one = (txs) => txs.map(() => 1);
    const isVoted = (e) => api.events.governance.Voted.is(e);

    // (a) Transfers.
    const transfers = await sign('signing transfers', accounts.map((_, i) => [
      api.tx.balances.transferKeepAlive(accounts[(i + 1) % n].address, MTC), i]));
    const phaseA = await measure(api, '(a) transfers', transfers, one(transfers),
      (e) => api.events.balances.Transfer.is(e), quiet);

    // (b) Votes by extrinsic, on a proposal with an hour of voting.
    const byExtrinsic = await propose(api, alice, api.tx.system.remark('0x7468726f7567687075742061'), ROOT);
    const votes = await sign('signing votes', accounts.map((_, i) => [api.tx.governance.vote(byExtrinsic, 'Aye'), i]));
    const phaseB = await measure(api, '(b) votes by extrinsic', votes, one(votes), isVoted, quiet);

    // (c) Signed vote messages, relayed in batches by other accounts.
    const bySignature = await propose(api, alice, api.tx.system.remark('0x7468726f7567687075742063'), ROOT);
    const payload = (await api.call.governanceApi.votePayload(bySignature, 'Aye', 0)).unwrap().toU8a();
    bar = progress('signing vote messages', n, quiet);
    const messages = accounts.map((pair, i) => {
      if (i % 500 === 499) bar.update(i + 1);
      return signVoteMessage(pair, payload, 'Aye', 0);
    });
    bar.update(n);
    bar.done();
    const batches = [];
    for (let i = 0; i < n; i += batch) batches.push(messages.slice(i, i + batch));
    // Relayer k is account //(N-1-k): anyone may relay, and it pays the fee.
    const relayed = await sign('signing batches', batches.map((votesOfBatch, k) => [
      api.tx.governance.submitSignedVotes(bySignature, votesOfBatch), n - 1 - k]));
    const phaseC = await measure(api, '(c) signed votes, batched', relayed, batches.map((b) => b.length), isVoted, quiet);

    for (const [index, phase] of [[byExtrinsic, phaseB], [bySignature, phaseC]]) {
      const voters = (await api.call.governanceApi.proposal(index)).unwrap().tally.voters.toNumber();
      if (voters !== n) throw new Error(`${phase.name}: the tally of proposal ${index} counts ${voters} voters, not ${n}`);
    }

    const version = (await api.rpc.system.version()).toString();
    const spec = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    const result = {
      date: new Date().toISOString().slice(0, 10),
      host: hostname(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: `metacert-node ${version}`,
      node_binary: nodeBinary(),
      spec_version: spec,
      accounts: n,
      batch,
      phases: [phaseA, phaseB, phaseC],
    };
    return result;
  } finally {
    if (api) await api.disconnect();
    await node.stop();
  }
}
