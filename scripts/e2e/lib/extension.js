// A browser-extension wallet for tests: the accounts and signing of the polkadot.js extension,
// backed by dev keys in the test process. `inject(page)` puts it in a Playwright page as
// `window.injectedWeb3['polkadot-js']` (before any page script runs); every signature is made
// here, in Node, exactly as the extension makes it: `signRaw` signs the bytes wrapped in
// `<Bytes>`...`</Bytes>` and returns the signature without a type byte, `signPayload` signs the
// extrinsic payload built by @polkadot/types from the payload JSON (with the MultiSignature type
// byte).

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';

/**
 * A test wallet with the dev accounts `names` (`//Alice`, ...) in `ss58Format`; `api` (a
 * connected @polkadot/api client) supplies the chain's types for transaction payloads.
 */
export function testWallet(api, names, ss58Format) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  const pairs = new Map();
  for (const name of names) {
    const pair = keyring.addFromUri(`//${name}`, { name });
    pairs.set(pair.address, pair);
  }
  const wallet = {
    accounts: [...pairs.values()].map((p) => ({ address: p.address, name: p.meta.name, type: 'sr25519' })),
    /** When set, the next request to sign is refused, as a user clicking "Cancel" would. */
    refuseNext: false,
    signed: [],
    pair: (name) => [...pairs.values()].find((p) => p.meta.name === name),
    sign(kind, request) {
      const pair = pairs.get(request.address);
      if (!pair) throw new Error(`Unable to find a keypair for ${request.address}`);
      if (wallet.refuseNext) {
        wallet.refuseNext = false;
        throw new Error('Cancelled');
      }
      wallet.signed.push({ kind, address: request.address });
      if (kind === 'bytes') return u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(request.data))));
      const payload = api.registry.createType('ExtrinsicPayload', request, { version: request.version });
      return payload.sign(pair).signature;
    },
    /** Injects the wallet into `page` (Playwright) before its scripts run. */
    async inject(page) {
      await page.exposeFunction('__testWalletSign', (kind, request) => wallet.sign(kind, request));
      await page.addInitScript((accounts) => {
        let id = 0;
        window.injectedWeb3 = {
          'polkadot-js': {
            version: 'test',
            enable: async () => ({
              accounts: { get: async () => accounts, subscribe: (cb) => { cb(accounts); return () => {}; } },
              signer: {
                signPayload: async (payload) => ({ id: ++id, signature: await window.__testWalletSign('payload', payload) }),
                signRaw: async (raw) => ({ id: ++id, signature: await window.__testWalletSign('bytes', raw) }),
              },
            }),
          },
        };
      }, wallet.accounts);
    },
  };
  return wallet;
}
