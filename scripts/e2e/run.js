// Runs end-to-end test files `concurrency` at a time in exactly the order given (`node --test`
// sorts its files by name; scripts/test.sh starts the longest first so that they overlap), with
// the spec reporter. Exits non-zero if any test fails.
//
// usage: node scripts/e2e/run.js [--concurrency N] FILE...

import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const args = process.argv.slice(2);
let concurrency = 2;
if (args[0] === '--concurrency') {
  concurrency = Number(args[1]);
  args.splice(0, 2);
}
if (!Number.isInteger(concurrency) || concurrency < 1 || args.length === 0) {
  console.error('usage: node scripts/e2e/run.js [--concurrency N] FILE...');
  process.exit(2);
}
const stream = run({ files: args, concurrency });
stream.on('test:fail', () => { process.exitCode = 1; });
stream.compose(spec).pipe(process.stdout);
