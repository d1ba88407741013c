// Submitting transactions with progress a user can follow: signed, sent, in block #n, finalized.

import { dispatchErrorText, errorText, worded } from './errors.js';

/**
 * Follows a submission (`tx.signSubmitAndWatch(...)` or `client.submitAndWatch(bare)`): calls
 * `progress(text)` at each step and resolves once the transaction is in a block, with
 * `{ ok, events, block, error }` (`error` in words when the call failed in the block). Rejects
 * with the reason in words when the wallet, the pool or the chain refuses it. Finality is
 * reported through `progress` afterwards.
 */
export function follow(observable, progress, docs) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const sub = observable.subscribe({
      next(event) {
        switch (event.type) {
          case 'signed':
            progress('signed, sending');
            break;
          case 'broadcasted':
            progress('sent, waiting for a block');
            break;
          case 'txBestBlocksState':
            if (event.found && !settled) {
              settled = true;
              const error = event.ok ? null : dispatchErrorText(event.dispatchError, docs);
              progress(`${error ? 'failed' : 'included'} in block #${event.block.number}, waiting for finality`);
              resolve({ ok: event.ok, events: event.events, block: event.block, error });
            } else if (!event.found && event.isValid === false) {
              progress('dropped by the node');
            }
            break;
          case 'finalized':
            progress(`${event.ok ? 'finalized' : 'failed, finalized'} in block #${event.block.number}`);
            if (!settled) {
              settled = true;
              resolve({ ok: event.ok, events: event.events, block: event.block, error: event.ok ? null : dispatchErrorText(event.dispatchError, docs) });
            }
            sub?.unsubscribe();
            break;
          default:
        }
      },
      error(err) {
        if (!settled) {
          settled = true;
          reject(worded(errorText(err)));
        } else progress(`after inclusion: ${errorText(err)}`);
      },
    });
  });
}

/** The first event `Pallet.Name` among a transaction's events, or undefined. */
export function findEvent(events, pallet, name) {
  return events?.find((e) => e.type === pallet && e.value.type === name)?.value.value;
}

/**
 * Signs `tx` with `account`'s wallet and submits it: resolves with the outcome once it is in a
 * block, rejects with the reason in words if it is refused or fails.
 */
export async function send(chain, tx, account, progress, { allow } = {}) {
  const result = await follow(tx.signSubmitAndWatch(account.polkadotSigner), progress, chain.docs);
  if (result.error && !(allow && allow.test(result.error))) throw worded(result.error);
  return result;
}
