// Small pieces every page uses.

import { useEffect, useState } from 'preact/hooks';

import { blockDate, duration, formatBalance, percent } from './chain.js';
import { errorText } from './errors.js';

/** An error in words, never a blank screen. */
export function Problem({ text }) {
  return text ? <div class="problem" role="alert" data-testid="problem">{text}</div> : null;
}

/** `planck` in the chain's token. */
export function Amount({ chain, value }) {
  return <span class="amount">{formatBalance(value, chain.token)}</span>;
}

/** Block `n` as a number and an estimated date, with the time left or passed. */
export function When({ chain, head, n }) {
  const date = blockDate(n, head.best, chain.blockMs);
  const delta = (n - head.best) * chain.blockMs;
  const rel = n === head.best ? 'now' : delta > 0 ? `in ${duration(delta)}, ${n - head.best} blocks` : `${duration(delta)} ago`;
  return <span class="when" title={date.toISOString()}>#{n} · {date.toLocaleString()} ({rel})</span>;
}

/**
 * A bar with the share reached and the threshold it must meet (both Perbill), green when met.
 */
export function Bar({ label, value, threshold, ok, testid }) {
  return (
    <div class="bar-row" data-testid={testid}>
      <span class="bar-label">{label}</span>
      <span class="bar" title={`${percent(value)} of ${percent(threshold)} needed`}>
        <span class={`fill ${ok ? 'ok' : 'short'}`} style={{ width: `${Math.min(value / 1e7, 100)}%` }} />
        <span class="mark" style={{ left: `${threshold / 1e7}%` }} />
      </span>
      <span class="bar-value">{percent(value)} <span class="muted">/ {percent(threshold)}</span></span>
    </div>
  );
}

/**
 * Loads `load()` now and again whenever `deps` change; `[value, error, reload]`. A failed load
 * keeps the last value and says why.
 */
export function useLoad(load, deps) {
  const [value, setValue] = useState(undefined);
  const [error, setError] = useState(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    load().then((v) => { if (live) { setValue(v); setError(null); } }, (e) => { if (live) setError(e.message ?? String(e)); });
    return () => { live = false; };
  }, [...deps, n]);
  return [value, error, () => setN((x) => x + 1)];
}

/** The progress of a transaction, then its outcome. */
export function Progress({ state }) {
  if (!state) return null;
  return (
    <div class={`progress ${state.error ? 'problem' : ''}`} role={state.error ? 'alert' : 'status'} data-testid={state.error ? 'problem' : 'progress'}>
      {state.error ?? state.text}
    </div>
  );
}

/** Runs `action(progress)` with a progress box: `[state, run]`. */
export function useAction() {
  const [state, setState] = useState(null);
  const run = async (action) => {
    setState({ text: 'waiting for the wallet' });
    try {
      await action((text) => setState({ text }));
    } catch (e) {
      setState({ error: errorText(e) });
    }
  };
  return [state, run, setState];
}
