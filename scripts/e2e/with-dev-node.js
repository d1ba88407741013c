// Runs a command (the end-to-end suite) with one `metacert-node --dev` that the test files which
// do not need a fresh chain share (devNode() in lib/node.js): the node is started first, its
// WebSocket URL is passed as $METACERT_DEV_WS, and it is stopped when the command ends. The exit
// status is the command's. The node is a child of this process, in its process group: killing
// the group (as scripts/test.sh does on exit) kills it too, and so does a signal to this process
// alone (lib/node.js kills its nodes on SIGINT, SIGTERM and SIGHUP; the command gets the signal
// first).
//
// usage: node scripts/e2e/with-dev-node.js COMMAND [ARG...]
//   e.g. node scripts/e2e/with-dev-node.js node --test --test-concurrency=1 scripts/e2e/test/

import { spawn } from 'node:child_process';
import { constants } from 'node:os';

import { startNode } from './lib/node.js';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/e2e/with-dev-node.js COMMAND [ARG...]');
  process.exit(2);
}

let node;
try {
  node = await startNode({ name: 'shared-dev', args: ['--dev'] });
} catch (err) {
  console.error(`the shared dev node did not start: ${err.message}`);
  process.exit(1);
}
console.error(`shared dev node at ${node.wsUrl} (log ${node.logFile})`);

const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, METACERT_DEV_WS: node.wsUrl },
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  // Before lib/node.js's own handler, which stops the node and exits.
  process.prependListener(sig, () => child.kill(sig));
}
const status = await new Promise((resolve) => {
  child.on('error', (err) => { console.error(`${command}: ${err.message}`); resolve(127); });
  child.on('exit', (code, signal) => resolve(code ?? 128 + constants.signals[signal]));
});
await node.stop();
process.exit(status);
