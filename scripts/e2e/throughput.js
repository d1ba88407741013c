// End-to-end throughput of a real node: how many transfers, votes by extrinsic and signed-message
// votes relayed in batches the chain absorbs, measured through @polkadot/api over RPC.
//
// usage: node scripts/e2e/throughput.js [--accounts N] [--batch B] [--out FILE]
//   --accounts N  items per phase, one per numbered account //0 ... //(N-1) (default and at most
//                 10000: what the runtime's `benchmark` preset endows)
//   --batch B     signed votes per relayed batch (default: the runtime's MaxVotesPerBatch)
//   --out FILE    also write the measurements as JSON to FILE
//
// It starts its own `metacert-node --dev --chain benchmark` ($METACERT_NODE or the release build)
// and runs three phases on it, one after the other:
//   (a) transfers: N `balances.transferKeepAlive`, //i to //(i+1);
//   (b) votes by extrinsic: N `governance.vote` on one proposal;
//   (c) signed-message votes: N vote messages signed by the accounts, relayed in batches of B by
//       `governance.submitSignedVotes` from other accounts, on a second proposal.
// Every extrinsic is signed before the clock starts; the clock runs from the first submission
// until the block holding the last item is finalized. Each phase checks its outcome on chain (N
// `Transfer` events, N voters in the tally) and the run fails otherwise.

import { hostname, cpus } from 'node:os';
import { writeFileSync } from 'node:fs';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { GENERAL_ROOT, propose } from './lib/chain.js';
import { connect, nodeBinary, startNode } from './lib/node.js';

const MAX_ACCOUNTS = 10_000;
const MTC = 10n ** 12n;
// The development phrase (sp-core DEV_PHRASE) that `//0`, `//1`, ... are derived from.
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
// Submissions in flight at once over the one WebSocket connection.
const IN_FLIGHT = 64;

function usage(message) {
  console.error(`error: ${message}\nusage: node scripts/e2e/throughput.js [--accounts N] [--batch B] [--out FILE]`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { accounts: MAX_ACCOUNTS, batch: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
      return argv[++i];
    };
    const count = (name, v) => {
      if (!/^[0-9]+$/.test(v) || Number(v) < 1) usage(`${name} must be a positive integer, not \`${v}\``);
      return Number(v);
    };
    switch (argv[i]) {
      case '--accounts': opts.accounts = count('--accounts', value()); break;
      case '--batch': opts.batch = count('--batch', value()); break;
      case '--out': opts.out = value(); break;
      case '-h': case '--help':
        console.log('usage: node scripts/e2e/throughput.js [--accounts N] [--batch B] [--out FILE]');
        process.exit(0);
        break;
      default: usage(`unknown argument \`${argv[i]}\``);
    }
  }
  if (opts.accounts > MAX_ACCOUNTS) usage(`--accounts is at most ${MAX_ACCOUNTS} (the accounts the benchmark preset endows)`);
  return opts;
}

/** A progress bar on stderr (redrawn in place on a terminal, every 10% otherwise). */
function progress(label, total) {
  const tty = process.stderr.isTTY;
  const start = Date.now();
  let lastDecile = -1;
  const draw = (done, extra = '') => {
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
  return { update: draw, done: () => { if (tty) process.stderr.write('\n'); } };
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
 * finalized chain until every one is in a finalized block. `count(blockHash, indices)` returns
 * how many items of our extrinsics at `indices` in that block succeeded. Returns the measurements.
 */
async function measure(api, name, txs, itemsPerTx, count) {
  const items = itemsPerTx.reduce((a, b) => a + b, 0);
  const pending = new Map(txs.map((tx, i) => [tx.hash.toHex(), i]));
  const startBlock = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const bar = progress(name, items);
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
  while (seconds === null) {
    if (submitError) throw new Error(`${name}: a submission was refused: ${submitError.message}`);
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
      succeeded += await count(hash, ours);
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

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const n = opts.accounts;
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

  let bar = progress('deriving accounts', n);
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
    const batch = opts.batch ?? api.consts.governance.maxVotesPerBatch.toNumber();
    if (batch > api.consts.governance.maxVotesPerBatch.toNumber()) {
      throw new Error(`--batch ${batch} is above the runtime's MaxVotesPerBatch (${api.consts.governance.maxVotesPerBatch})`);
    }
    const nonces = accounts.map(() => 0);
    const sign = async (label, make) => {
      const b = progress(label, n);
      const txs = [];
      for (let i = 0; i < n; i++) {
        const made = make(i);
        if (!made) continue;
        const [tx, signer, who] = made;
        txs.push(await tx.signAsync(signer, { nonce: nonces[who]++, era: 0 }));
        if (txs.length % 250 === 0) b.update(i + 1);
      }
      b.update(n);
      b.done();
      return txs;
    };

    // (a) Transfers.
    const transfers = await sign('signing transfers', (i) => [
      api.tx.balances.transferKeepAlive(accounts[(i + 1) % n].address, MTC), accounts[i], i]);
    const phaseA = await measure(api, '(a) transfers', transfers, transfers.map(() => 1),
      (hash, indices) => countEvents(api, hash, indices, (e) => api.events.balances.Transfer.is(e)));

    // (b) Votes by extrinsic, on a proposal with an hour of voting.
    const byExtrinsic = await propose(api, alice, api.tx.system.remark('0x7468726f7567687075742061'), GENERAL_ROOT);
    const votes = await sign('signing votes', (i) => [api.tx.governance.vote(byExtrinsic, 'Aye'), accounts[i], i]);
    const phaseB = await measure(api, '(b) votes by extrinsic', votes, votes.map(() => 1),
      (hash, indices) => countEvents(api, hash, indices, (e) => api.events.governance.Voted.is(e)));

    // (c) Signed vote messages, relayed in batches by other accounts.
    const bySignature = await propose(api, alice, api.tx.system.remark('0x7468726f7567687075742063'), GENERAL_ROOT);
    const payload = (await api.call.governanceApi.votePayload(bySignature, 'Aye', 0)).unwrap().toU8a();
    const message = u8aWrapBytes(payload);
    bar = progress('signing vote messages', n);
    const messages = accounts.map((pair, i) => {
      if (i % 500 === 499) bar.update(i + 1);
      return { voter: pair.address, choice: 'Aye', nonce: 0, signature: { Sr25519: u8aToHex(pair.sign(message)) } };
    });
    bar.update(n);
    bar.done();
    const batches = [];
    for (let i = 0; i < n; i += batch) batches.push(messages.slice(i, i + batch));
    // Relayer k is account //(N-1-k): anyone may relay, and it pays the fee.
    const relayed = await sign('signing batches', (k) => k < batches.length
      && [api.tx.governance.submitSignedVotes(bySignature, batches[k]), accounts[n - 1 - k], n - 1 - k]);
    const phaseC = await measure(api, '(c) signed votes, batched', relayed, batches.map((b) => b.length),
      (hash, indices) => countEvents(api, hash, indices, (e) => api.events.governance.Voted.is(e)));

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
    console.log('');
    console.log('| phase | items | extrinsics | blocks | items per block (max) | seconds to finality | items/s |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const p of result.phases) {
      console.log(`| ${p.name} | ${p.items} | ${p.extrinsics} | ${p.blocks} | ${p.items_per_block.toFixed(0)} (${p.max_items_per_block}) | ${p.seconds_to_finality.toFixed(1)} | ${p.items_per_second.toFixed(0)} |`);
    }
    if (opts.out) writeFileSync(opts.out, `${JSON.stringify(result, null, 1)}\n`);
  } finally {
    if (api) await api.disconnect();
    await node.stop();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(`\nthroughput run failed: ${err.stack ?? err}`);
  process.exit(1);
});
