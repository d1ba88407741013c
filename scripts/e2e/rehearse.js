// Rehearses a runtime upgrade against a copy of a live chain's state, before anyone votes on it
// (scripts/rehearse-upgrade.sh is the operator's entry point). With @acala-network/chopsticks-core
// (a fork of the chain's state at its best block, fetched over RPC on demand, and a wasm executor):
//
// 1. reads the candidate's version: the same spec_name as the running runtime, a higher
//    spec_version;
// 2. if the candidate was built with `--features try-runtime`: `TryRuntime_on_runtime_upgrade`
//    with every check (each migration's pre_upgrade/post_upgrade, every pallet's try_state), its
//    weight against the block limit, and a second run on the migrated state (idempotency: nothing
//    left to migrate, the same checks pass);
// 3. builds a block on the candidate: the migrations run in it as on the real chain, then the
//    inherents; the block's weight stays within the limit and no extrinsic fails.
//
// It prints a verdict an operator can paste into a proposal and exits 0 when the candidate passes,
// 1 when it does not (with the reason), 2 on bad arguments. `--set-storage 0xKEY=0xVALUE`
// (repeatable) rehearses on the live state with that change ("what if").
//
// usage: node scripts/e2e/rehearse.js <runtime.wasm> [--rpc ws://127.0.0.1:9944]
//          [--set-storage 0xKEY=0xVALUE ...]

import { readFileSync } from 'node:fs';

import {
  buildBlock, getRuntimeVersion, inherentProviders, runTask, setup, taskHandler,
} from '@acala-network/chopsticks-core';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

const usage = 'usage: scripts/rehearse-upgrade.sh <runtime.wasm> [--rpc ws://127.0.0.1:9944] [--set-storage 0xKEY=0xVALUE ...]';

/** The arguments, or an exit with the usage. */
function parseArgs(argv) {
  const args = { rpc: 'ws://127.0.0.1:9944', storage: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rpc' && i + 1 < argv.length) {
      args.rpc = argv[++i];
    } else if (argv[i] === '--set-storage' && i + 1 < argv.length) {
      const pair = argv[++i].match(/^(0x(?:[0-9a-fA-F]{2})+)=(0x(?:[0-9a-fA-F]{2})*)$/);
      if (!pair) {
        console.error(`--set-storage takes 0xKEY=0xVALUE (hex bytes), not \`${argv[i]}\`\n${usage}`);
        process.exit(2);
      }
      args.storage.push([pair[1].toLowerCase(), pair[2].toLowerCase()]);
    } else if (!argv[i].startsWith('-') && !args.wasm) {
      args.wasm = argv[i];
    } else {
      console.error(`unknown argument \`${argv[i]}\`\n${usage}`);
      process.exit(2);
    }
  }
  if (!args.wasm) {
    console.error(usage);
    process.exit(2);
  }
  if (!/^wss?:\/\//.test(args.rpc)) {
    console.error(`--rpc takes a ws:// or wss:// URL, not \`${args.rpc}\`\n${usage}`);
    process.exit(2);
  }
  return args;
}

/** Thrown with the reason the candidate fails. */
class Refused extends Error {}

/** The API id of `name` as runtime versions list it (blake2b-64 of the name). */
const apiId = (name) => blake2AsHex(name, 64);

/** Runs `name(args)` of `wasm` on the state of `block`; its response, or a refusal with `what`. */
async function callOn(block, wasm, name, args, what) {
  const response = await runTask({
    wasm,
    calls: [[name, args]],
    mockSignatureHost: false,
    allowUnresolvedImports: false,
    runtimeLogLevel: 0,
  }, taskHandler(block));
  if ('Error' in response) throw new Refused(`${what}: ${response.Error}`);
  return response.Call;
}

/** `part` as a percentage of `whole`. */
const percentOf = (part, whole) => `${((Number(part) * 100) / Number(whole)).toFixed(1)}%`;

/** The `(Weight, Weight)` that TryRuntime_on_runtime_upgrade returns, as ref_time picoseconds. */
function decodeWeights(registry, hex) {
  const [used, limit] = registry.createType('(SpWeightsWeightV2Weight, SpWeightsWeightV2Weight)', hex);
  return [used.refTime.toBigInt(), limit.refTime.toBigInt()];
}

/** Runs the rehearsal; returns { passed, lines, reason }. */
async function rehearse({ wasm: path, rpc, storage }) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    console.error(`cannot read ${path}: ${e.message}`);
    process.exit(2);
  }
  const wasm = u8aToHex(bytes);
  const codeHash = blake2AsHex(bytes, 256);
  const chain = await setup({ endpoint: rpc, mockSignatureHost: false, runtimeLogLevel: 0, buildBlockMode: 'Manual' });
  const lines = [];
  try {
    const head = chain.head;
    const running = await head.runtimeVersion;
    lines.push(`candidate ${codeHash} (${bytes.length} bytes), on ${running.specName} at block #${head.number} ${head.hash} (spec_version ${running.specVersion})`);
    if (storage.length > 0) {
      head.pushStorageLayer().setAll(storage);
      lines.push(`what if: ${storage.map(([k, v]) => `${k}=${v}`).join(', ')}`);
    }

    // 1. Its version.
    let version;
    try {
      version = await getRuntimeVersion(wasm);
    } catch (e) {
      throw new Refused(`it does not run: its version cannot be read (${e.message ?? e})`);
    }
    if (version.specName !== running.specName) throw new Refused(`its spec_name ${version.specName} is not the running ${running.specName}`);
    if (!(version.specVersion > running.specVersion)) throw new Refused(`its spec_version ${version.specVersion} is not above the running ${running.specVersion}`);
    lines.push(`version: ${version.specName} spec_version ${version.specVersion}`);

    // 2. The try-runtime checks, when the candidate has them.
    const { registry } = await head.meta;
    if (version.apis.some(([id]) => id === apiId('TryRuntime'))) {
      const all = '0x01'; // UpgradeCheckSelect::All
      const first = await callOn(head, wasm, 'TryRuntime_on_runtime_upgrade', [all], 'its migrations or their checks failed');
      const [weight, limit] = decodeWeights(registry, first.result);
      if (weight > limit) throw new Refused(`its migrations weigh ${weight} ps, more than a block (${limit} ps)`);
      lines.push(`on_runtime_upgrade with every migration's pre/post checks and every pallet's try_state: passed; the migrations weigh ${percentOf(weight, limit)} of a block`);
      head.pushStorageLayer().setAll(first.storageDiff);
      try {
        const second = await callOn(head, wasm, 'TryRuntime_on_runtime_upgrade', [all], 'a second run on the migrated state (idempotency) failed');
        lines.push(`second run on the migrated state: passed (${percentOf(decodeWeights(registry, second.result)[0], limit)} of a block)`);
      } finally {
        head.popStorageLayer();
      }
    } else {
      lines.push('try-runtime checks: skipped, the candidate has no TryRuntime API (build it with --features try-runtime to run them)');
    }

    // 3. A block on the candidate: its migrations run first in it, as on the chain.
    // (chopsticks' `newBlock` logs a failure and returns the old head: build it directly.)
    head.setWasm(wasm);
    let block;
    try {
      const empty = { transactions: [], upwardMessages: {}, downwardMessages: [], horizontalMessages: {} };
      [block] = await buildBlock(head, inherentProviders, empty, {});
    } catch (e) {
      throw new Refused(`no block can be built on it: ${e.message ?? e} (the runtime's own message, if any, is logged above)`);
    }
    if (block.number !== head.number + 1) throw new Refused(`no block was built on it (still at #${head.number})`);
    const meta = await block.meta;
    const built = await block.runtimeVersion;
    if (built.specVersion !== version.specVersion) throw new Refused(`the new block runs spec_version ${built.specVersion}`);
    const events = await block.read('Vec<FrameSystemEventRecord>', meta.query.system.events);
    const failed = (events ?? []).filter(({ event }) => meta.events.system.ExtrinsicFailed.is(event));
    if (failed.length > 0) throw new Refused(`${failed.length} extrinsic(s) of the new block failed`);
    const used = await block.read('FrameSupportDispatchPerDispatchClassWeight', meta.query.system.blockWeight);
    const total = ['normal', 'operational', 'mandatory'].reduce((sum, c) => sum + used[c].refTime.toBigInt(), 0n);
    const max = meta.consts.system.blockWeights.maxBlock.refTime.toBigInt();
    if (total > max) throw new Refused(`the new block weighs ${total} ps, more than the limit ${max}`);
    lines.push(`block #${block.number} built on spec_version ${built.specVersion}: ${percentOf(total, max)} of its weight used`);
    return { passed: true, lines };
  } catch (e) {
    if (e instanceof Refused) return { passed: false, lines, reason: e.message };
    throw e;
  } finally {
    await chain.close();
  }
}

const { passed, lines, reason } = await rehearse(parseArgs(process.argv.slice(2)));
console.log(`${passed ? 'REHEARSAL PASSED' : 'REHEARSAL FAILED'}${reason ? `: ${reason}` : ''}`);
for (const line of lines) console.log(`  ${line}`);
process.exit(passed ? 0 : 1);
