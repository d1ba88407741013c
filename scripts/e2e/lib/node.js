// Starts and stops real metacert-node processes for the end-to-end tests.
//
// Every node is started on free loopback ports with its own temporary base path (removed when
// it stops, so `--tmp` is not needed), its output goes to a
// log file (printed when a start fails), and it is always killed: by `stop()`, by the test's
// `after` hook, and, as a last resort, when this process exits.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';

import { ApiPromise, WsProvider } from '@polkadot/api';

const running = new Set();

function killAll(signal = 'SIGKILL') {
  for (const child of running) {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}
process.on('exit', () => killAll());
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { killAll(); process.exit(130); });
}

/** The node binary: $METACERT_NODE, else the `testing` build (scripts/test.sh's) in the cargo target directory. */
export function nodeBinary() {
  const bin = process.env.METACERT_NODE
    ?? join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/metacert/target'), 'testing/metacert-node');
  if (!existsSync(bin)) {
    throw new Error(`metacert-node not found at ${bin}: build it (scripts/test.sh does) or set METACERT_NODE`);
  }
  return bin;
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** JSON-RPC over HTTP; resolves to `result` or throws. */
export async function rpc(port, method, params = []) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** The libp2p peer id of a node key (hex secret), as the node itself derives it. */
export function peerIdOf(nodeKeyHex, dir) {
  const file = join(dir, 'node-key');
  writeFileSync(file, nodeKeyHex);
  return execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', file]).toString().trim();
}

/**
 * Starts a node with `args` (plus free RPC/p2p ports and a temporary base path, so `args` must
 * not contain `--tmp` or `--base-path`) and waits until
 * its RPC answers. Returns { rpcPort, p2pPort, wsUrl, logFile, child, stop() }.
 */
export async function startNode({ name = 'node', args = ['--dev'], p2pPort, timeoutMs = 120_000 } = {}) {
  const bin = nodeBinary();
  if (args.includes('--tmp') || args.includes('--base-path')) {
    throw new Error('startNode gives every node its own temporary --base-path: do not pass --tmp/--base-path');
  }
  const dir = mkdtempSync(join(tmpdir(), `metacert-e2e-${name}-`));
  const rpcPort = await freePort();
  p2pPort = p2pPort ?? await freePort();
  const logFile = join(dir, 'node.log');
  const out = openSync(logFile, 'a');
  const fullArgs = [
    ...args,
    '--base-path', join(dir, 'base'),
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--name', name,
  ];
  const child = spawn(bin, fullArgs, { stdio: ['ignore', out, out] });
  running.add(child);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; running.delete(child); });

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) child.kill('SIGKILL');
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!process.env.METACERT_KEEP_LOGS) rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      const log = readFileSync(logFile, 'utf8');
      throw new Error(`${name} exited (${JSON.stringify(exited)}) before its RPC answered:\n${log.slice(-4000)}`);
    }
    try {
      await rpc(rpcPort, 'system_health');
      break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      const log = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`${name}: RPC did not answer within ${timeoutMs} ms:\n${log.slice(-4000)}`);
    }
    await sleep(250);
  }
  return { name, dir, rpcPort, p2pPort, wsUrl: `ws://127.0.0.1:${rpcPort}`, logFile, child, stop };
}

/**
 * The `--dev` node for a test file that does not need a fresh chain: the node the whole suite
 * shares when $METACERT_DEV_WS names one (with-dev-node.js starts it, and stops it after the
 * suite), else a fresh `--dev` node of its own, so the file still runs alone. Its `stop()` stops
 * only a node of its own. A file using it must cope with what the other files left on the chain:
 * accounts of its own (freshAccounts in chain.js), balances and supply read before and compared
 * after.
 */
export async function devNode(name) {
  const wsUrl = process.env.METACERT_DEV_WS;
  if (!wsUrl) return startNode({ name, args: ['--dev'] });
  const rpcPort = Number(new URL(wsUrl).port);
  return { name, rpcPort, wsUrl, shared: true, stop: async () => {} };
}

/** A connected @polkadot/api client of `node`. */
export async function connect(node) {
  const provider = new WsProvider(node.wsUrl, 1000, {}, 30_000);
  return ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
}

/** Waits until `predicate()` is true, polling every `everyMs`; throws `what` after `timeoutMs`. */
export async function waitFor(what, predicate, { timeoutMs = 90_000, everyMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Starts the 2-validator `--chain local` network on loopback: Alice, then Bob booting from her
 * (fixed node keys, so Bob knows Alice's address in advance). `names` and the extra `bobArgs`
 * vary per test. Returns { alice, bob, stop() }.
 */
export async function startLocalNetwork({ names = ['alice', 'bob'], bobArgs = [] } = {}) {
  const aliceKey = '0000000000000000000000000000000000000000000000000000000000000001';
  const bobKey = '0000000000000000000000000000000000000000000000000000000000000002';
  const keyDir = mkdtempSync(join(tmpdir(), 'metacert-e2e-keys-'));
  const alicePeer = peerIdOf(aliceKey, keyDir);
  rmSync(keyDir, { recursive: true, force: true });
  const alicePort = await freePort();
  const alice = await startNode({
    name: names[0],
    p2pPort: alicePort,
    args: ['--chain', 'local', '--alice', '--validator', '--node-key', aliceKey],
  });
  let bob;
  try {
    bob = await startNode({
      name: names[1],
      args: ['--chain', 'local', '--bob', '--validator', '--node-key', bobKey, ...bobArgs,
        '--bootnodes', `/ip4/127.0.0.1/tcp/${alicePort}/p2p/${alicePeer}`],
    });
  } catch (err) {
    await alice.stop();
    throw err;
  }
  return { alice, bob, stop: () => Promise.all([alice.stop(), bob.stop()]) };
}
