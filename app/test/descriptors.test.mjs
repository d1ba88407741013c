// The app's descriptors describe exactly the runtime this source builds: the metadata they were
// generated from is the metadata in the built runtime's wasm, byte for byte, and papi recorded
// that metadata's hash.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Blake2128 } from '@polkadot-api/substrate-bindings';

import { metadataOfRuntime, runtimeWasmPath } from '../scripts/metadata.mjs';

const APP = join(dirname(fileURLToPath(import.meta.url)), '..');
const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;

test('descriptors_match_the_built_runtime_works', () => {
  const metadata = metadataOfRuntime(readFileSync(runtimeWasmPath()));
  assert.equal(Buffer.from(metadata).subarray(0, 4).toString(), 'meta', 'RuntimeMetadataPrefixed');
  const used = readFileSync(join(APP, '.papi/metadata/metacert.scale'));
  assert.ok(Buffer.from(metadata).equals(used), 'the metadata the descriptors came from is the built runtime\'s: run `npm run build` in app/');
  const generated = JSON.parse(readFileSync(join(APP, '.papi/descriptors/generated.json'), 'utf8'));
  assert.equal(generated.chains.metacert, hex(Blake2128(metadata)), 'papi generated the descriptors from that metadata');
});
