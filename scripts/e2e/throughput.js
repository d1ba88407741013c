// End-to-end throughput of a real node (see lib/throughput.js): N balance transfers, N votes by
// extrinsic and N signed-message votes relayed in batches, with blocks used, items per block,
// seconds to finality and items per second. benchmarks/throughput.sh runs it and writes the
// results into benchmarks/RESULTS.md.
//
// usage: node scripts/e2e/throughput.js [--accounts N] [--batch B] [--out FILE]
//   --accounts N  items per phase, one per numbered account //0 ... //(N-1) (default and at most
//                 10000: what the runtime's `benchmark` preset endows)
//   --batch B     signed votes per relayed batch (default: the runtime's MaxVotesPerBatch)
//   --out FILE    also write the measurements as JSON to FILE

import { writeFileSync } from 'node:fs';

import { MAX_ACCOUNTS, runThroughput } from './lib/throughput.js';

const USAGE = 'usage: node scripts/e2e/throughput.js [--accounts N] [--batch B] [--out FILE]';

function usage(message) {
  console.error(`error: ${message}\n${USAGE}`);
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
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: usage(`unknown argument \`${argv[i]}\``);
    }
  }
  if (opts.accounts < 2) usage('--accounts is at least 2 (//i transfers to //(i+1))');
  if (opts.accounts > MAX_ACCOUNTS) usage(`--accounts is at most ${MAX_ACCOUNTS} (the accounts the benchmark preset endows)`);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
runThroughput({ accounts: opts.accounts, batch: opts.batch }).then((result) => {
  console.log('');
  console.log('| phase | items | extrinsics | blocks | items per block (max) | seconds to finality | items/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const p of result.phases) {
    console.log(`| ${p.name} | ${p.items} | ${p.extrinsics} | ${p.blocks} | ${p.items_per_block.toFixed(0)} (${p.max_items_per_block}) | ${p.seconds_to_finality.toFixed(1)} | ${p.items_per_second.toFixed(0)} |`);
  }
  if (opts.out) writeFileSync(opts.out, `${JSON.stringify(result, null, 1)}\n`);
  process.exit(0);
}, (err) => {
  console.error(`\nthroughput run failed: ${err.stack ?? err}`);
  process.exit(1);
});
