// Proposing a change: pick a call, see the class it needs (the runtime says), the deposit and the
// rule, optionally make the rule stricter, and submit (noting the preimage first when needed).

import { useEffect, useState } from 'preact/hooks';

import { Blake2256 } from '@polkadot-api/substrate-bindings';

import { BILLION, Enum, duration, fromHex, parseBalance, percent, sameBytes, show, text, toHex } from '../chain.js';
import { findEvent, send } from '../tx.js';
import { Amount, Problem, Progress, useAction } from '../ui.jsx';

/** The longest call a proposal carries inline; longer ones go through a preimage (`Bounded`). */
export const MAX_INLINE = 128;

/** The runtime parameters a parameter-change proposal can set (runtime/src/configs/parameters.rs). */
export const PARAMETERS = {
  'fees.TransactionByteFee': { group: 'Fees', name: 'TransactionByteFee', kind: 'balance', help: 'fee per byte of a transaction' },
  'feeless_votes.MaxPerBlock': { group: 'FeelessVotes', name: 'MaxPerBlock', kind: 'number', help: 'fee-less signed votes per block' },
  'feeless_votes.MinPower': { group: 'FeelessVotes', name: 'MinPower', kind: 'balance', help: 'least voting power of a fee-less vote' },
};

/** The call a form describes, as a polkadot-api transaction (throws with the reason in words). */
export async function buildCall(chain, form) {
  const { api } = chain;
  switch (form.kind) {
    case 'remark':
      return api.tx.System.remark({ remark: new TextEncoder().encode(form.remark) });
    case 'parameter': {
      const p = PARAMETERS[form.parameter];
      const value = p.kind === 'balance' ? parseBalance(form.value, chain.token) : Number.parseInt(form.value, 10);
      if (p.kind === 'number' && !(Number.isInteger(value) && value >= 0 && value < 2 ** 32)) throw new Error(`not a whole number: "${form.value}"`);
      return api.tx.Parameters.set_parameter({ key_value: Enum(p.group, Enum(p.name, [value])) });
    }
    case 'upgrade': {
      if (!form.code) throw new Error('choose the runtime .wasm file');
      const activateAt = Number(form.activateAt);
      if (!Number.isInteger(activateAt)) throw new Error('the activation block must be a block number');
      const readiness = Number(form.readiness);
      if (!(readiness >= 0 && readiness <= 100)) throw new Error('the share of ready authorities must be a percentage from 0 to 100');
      return api.tx.Upgrades.schedule_upgrade({
        code_hash: toHex(Blake2256(form.code)),
        activate_at: activateAt,
        spec_version: Number(form.specVersion),
        required_readiness: Math.round(readiness / 100 * BILLION),
        allow_below_finality: Boolean(form.belowFinality),
        readiness_deadline: activateAt + Number(form.deadlineBlocks),
      });
    }
    case 'raw': {
      const bytes = fromHex(form.raw.trim());
      const tx = await api.txFromCallData(bytes);
      // Bytes that decode to a call but are not exactly its encoding (trailing bytes) are refused.
      if (!sameBytes(await tx.getEncodedData(), bytes)) throw new Error('these bytes are not exactly one call\'s encoding');
      return tx;
    }
    default:
      throw new Error(`unknown call kind ${form.kind}`);
  }
}

/**
 * The earliest block an upgrade proposed now can activate at: after the class's voting period and
 * enactment delay (the longest class when `cls` is not known yet) and the upgrades pallet's least
 * activation delay.
 */
export async function earliestActivation(chain, best, cls) {
  const classes = cls ? [cls] : [...chain.classes.values()];
  const longest = Math.max(...classes.map((c) => c.voting_period + Math.max(c.enactment_delay, 1)));
  const minDelay = await chain.api.query.Upgrades.MinActivationDelay.getValue();
  return best + longest + minDelay;
}

/** The class a call needs, by the runtime's own rule; `null` if no proposal may carry it. */
export async function requiredClass(chain, tx) {
  const id = await chain.api.apis.GovernanceApi.required_class(tx.decodedCall);
  return id === undefined ? null : id;
}

export function ProposePage({ chain, head, account }) {
  const [form, setForm] = useState({
    kind: 'remark', remark: 'hello from the governance app', parameter: 'feeless_votes.MaxPerBlock', value: '100', raw: '',
    code: null, codeName: '', specVersion: '', belowFinality: false, activateAt: '', deadlineBlocks: '10', readiness: '100',
  });
  const [plan, setPlan] = useState(null);
  const [stricter, setStricter] = useState(null);
  const [state, run] = useAction();
  const set = (k) => (e) => setForm((f) => ({ ...f, [k]: e.target.value }));

  useEffect(() => {
    if (form.kind === 'upgrade' && !form.activateAt && head.best) {
      Promise.all([chain.api.apis.Core.version(), earliestActivation(chain, head.best)]).then(([v, earliest]) => setForm((f) => ({
        ...f, activateAt: String(earliest + 10), specVersion: f.specVersion || String(v.spec_version + 1),
      })));
    }
  }, [form.kind, head.best]);

  // Re-plan whenever the call changes: its bytes, the class it needs, that class's rule.
  useEffect(() => {
    let live = true;
    (async () => {
      const tx = await buildCall(chain, form);
      const bytes = await tx.getEncodedData();
      const classId = await requiredClass(chain, tx);
      // The class as it is now (governance may have changed it since the page connected).
      const cls = classId === null ? null : await chain.api.query.Governance.ClassOf.getValue(classId);
      if (classId !== null && !cls) throw new Error(`the runtime requires class ${classId}, which does not exist`);
      let tooSoon = null;
      if (form.kind === 'upgrade') {
        const earliest = await earliestActivation(chain, head.best, cls);
        if (Number(form.activateAt) < earliest) tooSoon = `the activation block must be #${earliest} or later: the proposal is enacted only after its voting period and enactment delay, and an upgrade needs the minimum activation delay after that`;
      }
      return { form, tx, bytes, classId, tooSoon, cls: cls && { ...cls, name: text(cls.name) } };
    })().then((p) => {
      if (!live) return;
      setPlan(p);
      // A stricter rule typed for this class stays while the call changes within it.
      setStricter((st) => (st && p.classId === st.classId ? st : null));
    }, (e) => { if (live) setPlan({ form, error: e.message }); });
    return () => { live = false; };
  }, [form]);

  const busy = state && !state.error && !/^submitted/.test(state.text ?? '');
  const submit = () => run(async (progress) => {
    if (!account) throw new Error('connect a wallet first');
    if (plan.form !== form) throw new Error('the call changed: check what it takes again, then submit');
    if (plan.classId === null) throw new Error('no proposal may carry this call');
    if (plan.tooSoon) throw new Error(plan.tooSoon);
    if (form.kind === 'upgrade') {
      progress('approve noting the runtime code (a preimage) in your wallet');
      await send(chain, chain.api.tx.Preimage.note_preimage({ bytes: form.code }), account, progress, { allow: /AlreadyNoted/ });
    }
    let bounded = Enum('Inline', plan.bytes);
    if (plan.bytes.length > MAX_INLINE) {
      progress('approve noting the call (a preimage) in your wallet');
      await send(chain, chain.api.tx.Preimage.note_preimage({ bytes: plan.bytes }), account, progress, { allow: /AlreadyNoted/ });
      bounded = Enum('Lookup', { hash: toHex(Blake2256(plan.bytes)), len: plan.bytes.length });
    }
    progress('approve the proposal in your wallet');
    const rule = stricter ? {
      min_approval: Math.round(Number(stricter.approval) / 100 * BILLION),
      min_turnout: Math.round(Number(stricter.turnout) / 100 * BILLION),
      min_voters: Number(stricter.voters),
    } : undefined;
    const result = await send(chain, chain.api.tx.Governance.submit({ call: bounded, class: plan.classId, stricter: rule }), account, progress);
    const submitted = findEvent(result.events, 'Governance', 'Submitted');
    progress(`submitted as proposal #${submitted.index} in block #${result.block.number}`);
    location.hash = `#/proposal/${submitted.index}`;
  });

  const cls = plan?.cls;
  return (
    <section>
      <h1>Propose a change</h1>
      <div class="card">
        <label>What
          <select data-testid="kind" value={form.kind} onChange={set('kind')}>
            <option value="remark">a remark (a message on chain)</option>
            <option value="parameter">a runtime parameter</option>
            <option value="upgrade">a runtime upgrade (.wasm)</option>
            <option value="raw">any call (its encoded bytes)</option>
          </select>
        </label>
        {form.kind === 'remark' && <label>Remark <input data-testid="remark" value={form.remark} onInput={set('remark')} /></label>}
        {form.kind === 'parameter' && (
          <>
            <label>Parameter
              <select value={form.parameter} onChange={set('parameter')}>
                {Object.entries(PARAMETERS).map(([k, p]) => <option key={k} value={k}>{k}: {p.help}</option>)}
              </select>
            </label>
            <label>New value {PARAMETERS[form.parameter].kind === 'balance' ? `(${chain.token.symbol})` : ''}<input data-testid="param-value" value={form.value} onInput={set('value')} /></label>
          </>
        )}
        {form.kind === 'upgrade' && (
          <>
            <label>Runtime code <input type="file" accept=".wasm" data-testid="wasm" onChange={async (e) => {
              const file = e.target.files[0];
              if (file) {
                const code = new Uint8Array(await file.arrayBuffer());
                setForm((f) => ({ ...f, code, codeName: file.name }));
              }
            }} /></label>
            {form.code && <p class="muted">{form.codeName}: {form.code.length.toLocaleString('en')} bytes, hash {toHex(Blake2256(form.code))}</p>}
            <label>Its spec_version <input value={form.specVersion} onInput={set('specVersion')} /></label>
            <label>Activation block <input value={form.activateAt} onInput={set('activateAt')} /></label>
            <label>Authorities whose nodes can run it (%) <input value={form.readiness} onInput={set('readiness')} /></label>
            <label><input type="checkbox" checked={form.belowFinality} onChange={(e) => setForm((f) => ({ ...f, belowFinality: e.target.checked }))} /> Allow fewer than finality needs (more than two thirds of the authorities): only if you accept that blocks may stop being finalized</label>
            <label>Readiness deadline (blocks after activation) <input value={form.deadlineBlocks} onInput={set('deadlineBlocks')} /></label>
            <p class="muted">Rehearse it first, and paste the verdict into the proposal's discussion: <code>scripts/rehearse-upgrade.sh {form.codeName || 'runtime.wasm'} --rpc {chain.url}</code></p>
          </>
        )}
        {form.kind === 'raw' && <label>Call data (hex) <input class="mono" data-testid="raw" value={form.raw} onInput={set('raw')} placeholder="0x0000…" /></label>}
      </div>
      {plan?.error && <Problem text={plan.error} />}
      {plan && !plan.error && (
        <div class="card" data-testid="plan">
          <h2>What it takes</h2>
          {plan.classId === null
            ? <Problem text="No proposal may carry this call: the runtime refuses it under every class (raw code and storage writes, enacting another proposal, dropping another proposal's preimage). Runtime code changes only through a runtime upgrade." />
            : (
              <dl>
                <dt>call</dt><dd>{plan.tx.decodedCall.type}.{plan.tx.decodedCall.value.type} ({plan.bytes.length} bytes{plan.bytes.length > MAX_INLINE ? ', noted as a preimage first' : ''})<pre data-testid="plan-call">{show(plan.tx.decodedCall)}</pre></dd>
                <dt>class</dt><dd data-testid="class">{cls.name}</dd>
                <dt>deposit</dt><dd><Amount chain={chain} value={cls.submission_deposit} /> (returned when the proposal is decided)</dd>
                <dt>rule</dt><dd data-testid="rule">{percent(cls.thresholds.min_approval)} approval, {percent(cls.thresholds.min_turnout)} turnout, at least {cls.thresholds.min_voters} voter(s)</dd>
                <dt>voting</dt><dd>{cls.voting_period} blocks (~{duration(cls.voting_period * chain.blockMs)}), enacted {cls.enactment_delay} blocks later</dd>
                <dt>dispatched as</dt><dd>{cls.origin.type === 'Root' ? 'Root' : `the "${cls.name}" class origin`}</dd>
              </dl>
            )}
          {plan.classId !== null && (
            <details open={!!stricter} onToggle={(e) => setStricter(e.target.open ? (stricter ?? { classId: plan.classId, approval: Number(cls.thresholds.min_approval) / 1e7, turnout: Number(cls.thresholds.min_turnout) / 1e7, voters: cls.thresholds.min_voters }) : null)}>
              <summary>Stricter rule (optional)</summary>
              {stricter && (
                <>
                  <label>Approval (%) <input value={stricter.approval} onInput={(e) => setStricter({ ...stricter, approval: e.target.value })} /></label>
                  <label>Turnout (%) <input value={stricter.turnout} onInput={(e) => setStricter({ ...stricter, turnout: e.target.value })} /></label>
                  <label>Voters <input value={stricter.voters} onInput={(e) => setStricter({ ...stricter, voters: e.target.value })} /></label>
                </>
              )}
            </details>
          )}
          {plan.tooSoon && <Problem text={plan.tooSoon} />}
          <button data-testid="submit" disabled={plan.classId === null || !!plan.tooSoon || !account || busy || plan.form !== form} onClick={submit}>Submit proposal</button>
          {!account && <span class="muted"> Connect a wallet to submit.</span>}
        </div>
      )}
      <Progress state={state} />
    </section>
  );
}
