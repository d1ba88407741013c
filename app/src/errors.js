// Errors in words: what a user sees instead of a blank screen or an error object.

// The governance pallet's custom validity codes (pallets/governance/src/signed.rs).
const CUSTOM = {
  1: 'you have no voting power on this proposal',
  2: 'only a first vote goes fee-less: change a vote by a paid vote',
  3: 'your power is below the least a fee-less vote needs: vote by a paid vote',
  4: 'no nonce is left for signed votes on this proposal',
};

// Transaction validity errors (sp-runtime's InvalidTransaction and UnknownTransaction).
const INVALID = {
  BadProof: 'the signature does not match the account or the message',
  Stale: 'the message is outdated: this vote (nonce) was already used, or the proposal is closed',
  Future: 'a vote with an earlier nonce is still missing',
  Payment: 'the account cannot pay the fee',
  ExhaustsResources: 'the block is full: try again in the next block',
  Call: 'the runtime refuses this call',
  AncientBirthBlock: 'the transaction was signed too long ago',
  BadSigner: 'the signer is not allowed to do this',
  MandatoryValidation: 'the transaction failed a check',
};

/** Words for a decoded dispatch error (`{ type: 'Module', value: { type: Pallet, value: { type: Error } } }`). */
export function dispatchErrorText(error, docs) {
  if (!error) return null;
  if (error.type === 'Module') {
    const pallet = error.value.type;
    const name = error.value.value?.type;
    const doc = docs?.(pallet, name);
    return `${pallet}.${name}${doc ? `: ${doc}` : ''}`;
  }
  if (error.value && typeof error.value === 'object' && 'type' in error.value) return `${error.type}: ${error.value.type}`;
  return error.type;
}

/** An error whose message is already in words (it is shown as it is). */
export function worded(text) {
  return Object.assign(new Error(text), { worded: true });
}

/** Words for anything a transaction or a wallet threw. */
export function errorText(err) {
  if (err?.worded) return err.message;
  const invalid = err?.error;
  if (invalid && typeof invalid === 'object' && 'type' in invalid) {
    const kind = invalid.value?.type;
    if (kind === 'Custom') return `refused by the chain: ${CUSTOM[invalid.value.value] ?? `code ${invalid.value.value}`}`;
    return `refused by the chain: ${INVALID[kind] ?? kind ?? invalid.type}`;
  }
  // Errors passed through a wallet's messaging may carry their class name in the text.
  const message = String(err?.message ?? err).replace(/^(\w*Error: )+/, '');
  if (/cancel|reject|denied|refused|declined/i.test(message)) return `the wallet did not sign: ${message}`;
  return message;
}
