// The list of proposals: class, status, time left, approval and turnout against each proposal's
// own thresholds, passing or failing now.

import { loadCall, loadProposals, standing, statusText } from '../chain.js';
import { Bar, Problem, When, useLoad } from '../ui.jsx';

/** `Pallet.call` of a decoded call, or what is known of it. */
export function callName(call) {
  if (!call) return '…';
  if (!call.decoded) return call.missing;
  return `${call.decoded.type}.${call.decoded.value.type}`;
}

export function ProposalsPage({ chain, head }) {
  const [proposals, error] = useLoad(async () => {
    const list = await loadProposals(chain);
    const calls = await Promise.all(list.map((p) => loadCall(chain, p.call)));
    return list.map((p, i) => ({ ...p, callInfo: calls[i] }));
  }, [head.finalized]);

  if (!proposals) return error ? <Problem text={error} /> : <p class="muted">loading proposals…</p>;
  const open = proposals.filter((p) => p.status.type === 'Ongoing');
  const rest = proposals.filter((p) => p.status.type !== 'Ongoing');
  return (
    <section>
      <Problem text={error} />
      <h1>Proposals</h1>
      {proposals.length === 0 && <p class="muted">No proposals yet. <a href="#/propose">Propose a change.</a></p>}
      {open.length > 0 && <h2>Open for votes</h2>}
      {open.map((p) => <Row key={p.index} chain={chain} head={head} p={p} />)}
      {rest.length > 0 && <h2>Decided</h2>}
      {rest.map((p) => <Row key={p.index} chain={chain} head={head} p={p} />)}
    </section>
  );
}

function Row({ chain, head, p }) {
  const s = standing(p.tally, p.thresholds, p.electorate);
  const cls = chain.classes.get(p.class);
  const ongoing = p.status.type === 'Ongoing';
  return (
    <a class="card proposal-row" href={`#/proposal/${p.index}`} data-testid={`proposal-${p.index}`}>
      <div class="row-head">
        <strong>#{p.index}</strong>
        <span class="tag">{cls?.name ?? `class ${p.class}`}</span>
        <span class="call">{callName(p.callInfo)}</span>
        <span class={`tag status-${p.status.type.toLowerCase()}`}>{statusText(p.status)}</span>
        {ongoing && <span class={`tag ${s.passing ? 'pass' : 'fail'}`} data-testid="verdict">{s.passing ? 'passing now' : 'failing now'}</span>}
      </div>
      {ongoing && <div class="muted">voting ends <When chain={chain} head={head} n={p.voting_end} /></div>}
      <Bar label="approval" value={s.approval} threshold={p.thresholds.min_approval} ok={s.approvalOk} />
      <Bar label="turnout" value={s.turnout} threshold={p.thresholds.min_turnout} ok={s.turnoutOk} />
    </a>
  );
}
