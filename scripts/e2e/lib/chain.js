// Chain helpers shared by the end-to-end tests: events in new blocks, accounts of a test's own,
// governance proposals, runtime-upgrade code.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { nodeBinary } from './node.js';
import { sendAndWait } from './tx.js';

// Class ids of the runtime (runtime/src/configs/governance.rs).
export const PROTOCOL_UPGRADE = 0;
export const PARAMETER_CHANGE = 1;
export const CANCELLATION = 2;
export const ROOT = 3;

/**
 * Resolves with the first event (and its block number) matching `pred` in a new block of `api`'s
 * node; rejects after `blocks` blocks without one.
 *
 * The events are read as raw storage and decoded with a copy of the types `api` has now: across a runtime
 * upgrade @polkadot/api 16.5 rebuilds its registry from mismatched metadata versions and can no
 * longer decode events itself (this runtime's upgrades keep every type, so today's types decode
 * the events of both runtimes).
 */
export function waitForEvent(api, pred, blocks = 30) {
  // A registry of our own (the classes @polkadot/api uses): `api.registry` itself is rebuilt in
  // place at an upgrade.
  const Registry = api.registry.constructor;
  const Metadata = api.runtimeMetadata.constructor;
  const registry = new Registry();
  registry.setMetadata(new Metadata(registry, api.runtimeMetadata.toU8a()));
  const key = api.query.system.events.key();
  const type = registry.createLookupType(api.query.system.events.creator.meta.type.asPlain);
  return new Promise((resolve, reject) => {
    let seen = 0;
    let unsub = null;
    let done = false;
    const finish = (outcome) => {
      done = true;
      if (unsub) unsub();
      outcome();
    };
    api.rpc.chain.subscribeNewHeads(async (header) => {
      if (done) return;
      seen += 1;
      try {
        // A plain hex key: polkadot.js returns the bytes without decoding them.
        const data = await api.rpc.state.getStorage(key, header.hash);
        const bytes = data?.isSome === undefined ? data : data.unwrapOr(null);
        const events = bytes && bytes.length ? registry.createType(type, bytes.toU8a(true)) : [];
        const hit = events.find(({ event }) => pred(event));
        if (hit) finish(() => resolve({ event: hit.event, number: header.number.toNumber() }));
        else if (seen > blocks) finish(() => reject(new Error(`event not seen in ${blocks} blocks`)));
      } catch (err) {
        finish(() => reject(err));
      }
    }).then((u) => { unsub = u; if (done) u(); }, reject);
  });
}

/**
 * A signed vote message for `submitSignedVotes` / `voteBySignature`: `pair` signs the vote
 * payload bytes (`governanceApi.votePayload`) the way polkadot.js `signRaw` and extension wallets
 * sign bytes, wrapped in `<Bytes>`.
 */
export function signVoteMessage(pair, payload, choice, nonce) {
  const signature = pair.sign(u8aWrapBytes(payload));
  return { voter: pair.address, choice, nonce, signature: { Sr25519: u8aToHex(signature) } };
}

// Tells this process's accounts from those of earlier runs on the same (shared) chain.
const RUN = randomBytes(4).toString('hex');

/**
 * `count` accounts that nothing but this test process uses, `//e2e-<label>-<run>-<i>` of
 * `keyring`; with `funder` each gets `amount` from it (all at once, consecutive nonces), else
 * they hold nothing.
 */
export async function freshAccounts(api, keyring, label, count, { funder, amount } = {}) {
  const pairs = [...Array(count).keys()].map((i) => keyring.addFromUri(`//e2e-${label}-${RUN}-${i}`));
  if (funder) {
    const first = (await api.rpc.system.accountNextIndex(funder.address)).toNumber();
    const results = await Promise.all(pairs.map((pair, i) => sendAndWait(
      api, api.tx.balances.transferKeepAlive(pair.address, amount), funder, { nonce: first + i })));
    results.forEach(({ dispatchError }, i) => assert.equal(dispatchError, null, `funding of ${pairs[i].address}`));
  }
  return pairs;
}

/** Notes `bytes` as a preimage (by `who`); returns its hash. */
export async function notePreimage(api, who, bytes) {
  const noted = await sendAndWait(api, api.tx.preimage.notePreimage(u8aToHex(bytes)), who);
  assert.equal(noted.dispatchError, null, 'preimage noted');
  const hash = blake2AsHex(bytes, 256);
  assert.ok(noted.events.some(({ event }) => api.events.preimage.Noted.is(event)
    && event.data[0].toHex() === hash), 'Noted event with the hash');
  return hash;
}

/** Notes `call` as a preimage (by `who`) and submits it under `classId`; returns the index. */
export async function propose(api, who, call, classId) {
  const bytes = call.method.toU8a();
  await notePreimage(api, who, bytes);
  const hash = call.method.hash.toHex();
  const { events, dispatchError } = await sendAndWait(
    api, api.tx.governance.submit({ Lookup: { hash, len: bytes.length } }, classId, null), who);
  assert.equal(dispatchError, null, 'proposal submitted');
  const submitted = events.find(({ event }) => api.events.governance.Submitted.is(event));
  return submitted.event.data.index.toNumber();
}

/** Votes `choice` on proposal `index` by extrinsic from each of `voters` (distinct), at once. */
export async function voteAll(api, index, voters, choice = 'Aye') {
  const results = await Promise.all(voters.map((voter) =>
    sendAndWait(api, api.tx.governance.vote(index, choice), voter)));
  results.forEach(({ dispatchError }, i) => assert.equal(dispatchError, null, `vote of ${voters[i].address}`));
}

/**
 * The runtime built from this source with spec_version + 1 (crate runtime/next, built by
 * `cargo test --workspace`): $METACERT_NEXT_WASM, else beside the node binary's build.
 */
export function nextRuntimeWasmPath() {
  const path = process.env.METACERT_NEXT_WASM
    ?? join(dirname(nodeBinary()), 'wbuild/metacert-runtime-next/metacert_runtime_next.compact.compressed.wasm');
  if (!existsSync(path)) {
    throw new Error(`the spec_version + 1 runtime is not at ${path}: run scripts/test.sh (it builds it) or set METACERT_NEXT_WASM`);
  }
  return path;
}

/** The bytes of {@link nextRuntimeWasmPath}. */
export function nextRuntimeWasm() {
  return readFileSync(nextRuntimeWasmPath());
}

/**
 * The spec_version this source's runtime declares (runtime/src/lib.rs, without the
 * `spec-version-bump` feature): the version of the runtime the node embeds.
 */
export function sourceSpecVersion() {
  const source = readFileSync(join(dirname(new URL(import.meta.url).pathname), '../../../runtime/src/lib.rs'), 'utf8');
  const match = source.match(/#\[cfg\(not\(feature = "spec-version-bump"\)\)\]\ndeclare_version!\((\d+)\)/);
  assert.ok(match, 'runtime/src/lib.rs declares its spec_version');
  return Number(match[1]);
}

/** The node software version `major.minor.patch` that `system_version` reports. */
export async function nodeVersion(api) {
  const [major, minor, patch] = (await api.rpc.system.version()).toString().split(/[-+]/)[0].split('.').map(Number);
  return { major, minor, patch };
}

/** The number of the finalized head. */
export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

/** The number of the best head. */
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}
