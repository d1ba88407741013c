// Extension wallets (polkadot.js extension, Talisman, SubWallet, ...) through the standard
// injected API (`window.injectedWeb3`), as polkadot-api's pjs-signer reads it.

import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';

/** The name the app gives wallets when it asks for access. */
export const DAPP_NAME = 'MetaCert governance';

/** The wallets installed in this browser. */
export function installedWallets() {
  return getInjectedExtensions();
}

/**
 * Connects to wallet `name`; `onAccounts` gets its accounts now and whenever they change.
 * Returns a function that disconnects.
 */
export async function connectWallet(name, onAccounts) {
  const extension = await connectInjectedExtension(name, DAPP_NAME);
  onAccounts(extension.getAccounts());
  const unsubscribe = extension.subscribe(onAccounts);
  return () => {
    unsubscribe();
    extension.disconnect();
  };
}

/** The `MultiSignature` variant of an account's key type (the chain has no Ethereum accounts). */
export function signatureVariant(account) {
  switch (account.type) {
    case 'sr25519': return 'Sr25519';
    case 'ed25519': return 'Ed25519';
    case 'ecdsa': return 'Ecdsa';
    default: throw new Error(`a ${account.type} account cannot vote on this chain`);
  }
}

/** A raw signature: without the type byte some wallets put before a 64-byte signature. */
export function signatureBytes(signature) {
  return signature.length === 65 && signature[0] <= 1 ? signature.subarray(1) : signature;
}
