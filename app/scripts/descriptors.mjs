// Generates the app's chain descriptors (polkadot-api's typed API) from the runtime that this
// source builds, so they can never describe another runtime: the metadata is read from the wasm
// blob (no node, no network) into .papi/metadata/metacert.scale, then `papi generate` writes
// .papi/descriptors/ (skipped by papi when the metadata did not change).
//
// usage: node scripts/descriptors.mjs [RUNTIME_WASM]
//   RUNTIME_WASM  default: $METACERT_RUNTIME_WASM, else the runtime scripts/test.sh builds
//                 ($CARGO_TARGET_DIR/testing/wbuild/metacert-runtime/...compact.compressed.wasm)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { metadataOfRuntime, runtimeWasmPath } from './metadata.mjs';

const APP = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasm = runtimeWasmPath(process.argv[2]);
if (!existsSync(wasm)) {
  console.error(`error: no runtime at ${wasm}: build it first (scripts/test.sh or scripts/dev-node.sh builds it), or pass its path`);
  process.exit(1);
}
const started = Date.now();
const metadata = metadataOfRuntime(readFileSync(wasm));
const file = join(APP, '.papi/metadata/metacert.scale');
mkdirSync(dirname(file), { recursive: true });
if (!existsSync(file) || !Buffer.from(metadata).equals(readFileSync(file))) writeFileSync(file, metadata);
// papi's own check (the metadata's hash in generated.json) skips the work when nothing changed.
execFileSync(join(APP, 'node_modules/.bin/papi'), ['generate'], { cwd: APP, stdio: ['ignore', 'ignore', 'inherit'] });
console.error(`descriptors of ${wasm} generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
