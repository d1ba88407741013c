// The runtime's metadata, read from its wasm blob as polkadot-api's CLI reads it: shared by the
// descriptor generation and the test that checks the generated descriptors against the runtime.

import { homedir } from 'node:os';
import { join } from 'node:path';

import { getMetadataFromRuntime } from '@polkadot-api/wasm-executor/node';

/** The runtime blob: `explicit`, else $METACERT_RUNTIME_WASM, else the one scripts/test.sh builds. */
export function runtimeWasmPath(explicit) {
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/metacert/target');
  return explicit ?? process.env.METACERT_RUNTIME_WASM
    ?? join(target, 'testing/wbuild/metacert-runtime/metacert_runtime.compact.compressed.wasm');
}

/** The metadata bytes (`RuntimeMetadataPrefixed`, without the length prefix) of a runtime blob. */
export function metadataOfRuntime(wasm) {
  const hex = getMetadataFromRuntime(`0x${Buffer.from(wasm).toString('hex')}`);
  const opaque = Buffer.from(hex.slice(2), 'hex');
  // `OpaqueMetadata` is a SCALE `Vec<u8>`: strip its compact length.
  const mode = opaque[0] & 3;
  const prefix = mode === 0 ? 1 : mode === 1 ? 2 : mode === 2 ? 4 : 1 + (opaque[0] >> 2) + 4;
  return new Uint8Array(opaque.subarray(prefix));
}
