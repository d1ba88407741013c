// Submitting extrinsics and decoding their outcome the way a wallet does.

/**
 * Signs and sends `tx` from `signer` (with signer `options` such as { mode, metadataHash }), resolves when it is in a block with
 * { blockHash, events, dispatchError } where `dispatchError` is decoded to a readable string
 * ("balances.InsufficientBalance", "Token.FundsUnavailable", ...) or null on success.
 */
export function sendAndWait(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    tx.signAndSend(signer, options, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock) {
        if (unsub) unsub();
        resolve({
          blockHash: status.asInBlock.toHex(),
          events,
          dispatchError: dispatchError ? describeDispatchError(api, dispatchError) : null,
        });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        if (unsub) unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/** A readable name of a DispatchError: `section.name` for module errors, `Kind.Variant` else. */
export function describeDispatchError(api, err) {
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return `${meta.section}.${meta.name}`;
  }
  if (err.isToken) return `Token.${err.asToken.type}`;
  if (err.isArithmetic) return `Arithmetic.${err.asArithmetic.type}`;
  return err.type;
}
