// The documentation of the runtime's errors, from its metadata: a failed call is shown with the
// sentence its pallet documents (`Governance.VotingClosed: Voting on the proposal has ended.`).

import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';

/** `(pallet, error) -> first doc line` for the chain's current runtime. */
export async function errorDocs(chain) {
  try {
    const finalized = await chain.client.getFinalizedBlock();
    const metadata = unifyMetadata(decAnyMetadata(await chain.client.getMetadata(finalized.hash)));
    const table = new Map();
    for (const pallet of metadata.pallets) {
      if (!pallet.errors) continue;
      const def = metadata.lookup[pallet.errors.type]?.def;
      if (def?.tag !== 'variant') continue;
      for (const v of def.value) table.set(`${pallet.name}.${v.name}`, v.docs.join(' ').trim());
    }
    return (pallet, name) => table.get(`${pallet}.${name}`) || null;
  } catch {
    // Without docs, errors still show their pallet and name.
    return () => null;
  }
}
