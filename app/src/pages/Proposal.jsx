// One proposal: its decoded call, who proposed it, its rule against the live tally, its timeline,
// the voters, and my vote.

import { useEffect, useState } from 'preact/hooks';

import {
  Enum, formatBalance, loadCall, loadMyVote, loadProposal, loadVotes, percent, short, show,
  sortVotes, standing, statusText, toHex, votePayload, votesCsv,
} from '../chain.js';
import { worded } from '../errors.js';
import { follow, send } from '../tx.js';
import { Amount, Bar, Problem, Progress, When, useAction, useLoad } from '../ui.jsx';
import { signatureBytes, signatureVariant } from '../wallet.js';
import { callName } from './Proposals.jsx';

const CHOICES = ['Aye', 'Nay', 'Abstain'];

export function ProposalPage({ chain, head, account, index }) {
  const [data, error] = useLoad(async () => {
    const p = await loadProposal(chain, index);
    if (!p) return null;
    const [call, votes] = await Promise.all([loadCall(chain, p.call), loadVotes(chain, index)]);
    return { p, call, votes };
  }, [index, head.finalized]);

  if (data === undefined) return error ? <Problem text={error} /> : <p class="muted">loading proposal #{index}…</p>;
  if (data === null) return <Problem text={`There is no proposal #${index} (it may have been cleared after it finished).`} />;
  const { p, call, votes } = data;
  const s = standing(p.tally, p.thresholds, p.electorate);
  const cls = chain.classes.get(p.class);
  // The pallet dispatches an approved call max(delay, 1) blocks after its decision.
  const enactAt = p.status.type === 'Approved' ? p.status.value.enact_at : p.voting_end + Math.max(p.enactment_delay, 1);
  return (
    <section>
      <Problem text={error} />
      <h1>Proposal #{p.index} <span class="call">{callName(call)}</span></h1>
      <p>
        <span class="tag">{cls?.name ?? `class ${p.class}`}</span>{' '}
        <span class={`tag status-${p.status.type.toLowerCase()}`} data-testid="status-tag">{statusText(p.status)}</span>{' '}
        {p.status.type === 'Ongoing' && <span class={`tag ${s.passing ? 'pass' : 'fail'}`}>{s.passing ? 'passing now' : 'failing now'}</span>}
      </p>
      <div class="grid">
        <div class="card">
          <h2>Tally</h2>
          <Bar testid="approval" label="approval" value={s.approval} threshold={p.thresholds.min_approval} ok={s.approvalOk} />
          <Bar testid="turnout" label="turnout" value={s.turnout} threshold={p.thresholds.min_turnout} ok={s.turnoutOk} />
          <dl>
            <dt>aye</dt><dd data-testid="aye"><Amount chain={chain} value={p.tally.aye} /></dd>
            <dt>nay</dt><dd data-testid="nay"><Amount chain={chain} value={p.tally.nay} /></dd>
            <dt>abstain</dt><dd data-testid="abstain"><Amount chain={chain} value={p.tally.abstain} /></dd>
            <dt>voters</dt><dd data-testid="voters">{p.tally.voters} (at least {p.thresholds.min_voters})</dd>
            <dt>electorate</dt><dd><Amount chain={chain} value={p.electorate} /> (supply at the snapshot)</dd>
          </dl>
        </div>
        <div class="card">
          <h2>Timeline</h2>
          <ul class="timeline">
            <li>snapshot of voting power: <When chain={chain} head={head} n={p.snapshot} /></li>
            <li>voting ends: <When chain={chain} head={head} n={p.voting_end} /></li>
            <li>{p.status.type === 'Rejected' || p.status.type === 'Cancelled' || p.status.type === 'Killed' ? 'would have been enacted' : 'enactment'}: <When chain={chain} head={head} n={enactAt} /></li>
          </ul>
          <dl>
            <dt>proposer</dt><dd title={p.proposer}>{short(p.proposer)}</dd>
            <dt>deposit</dt><dd><Amount chain={chain} value={p.deposit} />{p.deposit === 0n && ' (returned or slashed)'}</dd>
            <dt>rule</dt><dd>{percent(p.thresholds.min_approval)} approval, {percent(p.thresholds.min_turnout)} turnout</dd>
            <dt>dispatched as</dt><dd>{p.origin.type === 'Root' ? 'Root' : `the "${cls?.name}" class origin`}</dd>
            <dt>call hash</dt><dd class="mono">{p.call_hash}</dd>
          </dl>
        </div>
      </div>
      <MyVote chain={chain} head={head} account={account} p={p} />
      <div class="card">
        <h2>The call</h2>
        {call.decoded ? <pre data-testid="decoded-call">{show(call.decoded)}</pre> : <Problem text={call.missing} />}
      </div>
      <Voters chain={chain} votes={votes} index={p.index} />
    </section>
  );
}

function Voters({ chain, votes, index }) {
  const [sort, setSort] = useState(['power', -1]);
  const sorted = sortVotes(votes, sort[0], sort[1]);
  const by = (key) => setSort(([k, d]) => [key, k === key ? -d : key === 'power' ? -1 : 1]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([votesCsv(votes)], { type: 'text/csv' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `proposal-${index}-votes.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div class="card">
      <h2>Voters ({votes.length}) <button class="small" onClick={download} data-testid="csv">CSV</button></h2>
      <table data-testid="voter-list">
        <thead><tr>
          <th onClick={() => by('who')}>voter</th><th onClick={() => by('choice')}>choice</th><th onClick={() => by('power')}>power</th>
        </tr></thead>
        <tbody>
          {sorted.map((v) => <tr key={v.who}><td title={v.who}>{short(v.who)}</td><td>{v.choice}</td><td>{formatBalance(v.power, chain.token)}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}

/** My power, my vote, and the buttons: a signed message (fee-less) first, a paid vote after. */
function MyVote({ chain, head, account, p }) {
  const [mine, error, reload] = useLoad(async () => (account ? loadMyVote(chain, p, account.address) : null), [account?.address, head.finalized, p.index]);
  const [state, run, setState] = useAction();
  // Another account: the last account's progress is not this one's.
  useEffect(() => setState(null), [account?.address]);
  if (p.status.type !== 'Ongoing') return null;
  // Votes are accepted in blocks before the voting end; the next block is the earliest a vote lands in.
  if (head.best + 1 >= p.voting_end) return <div class="card"><h2>My vote</h2><p class="muted">Voting has ended; the proposal is decided at block #{p.voting_end}.</p></div>;
  if (!account) return <div class="card"><h2>My vote</h2><p class="muted">Connect a wallet to vote.</p></div>;
  if (!mine) return <div class="card"><h2>My vote</h2>{error ? <Problem text={error} /> : <p class="muted">loading…</p>}</div>;
  const first = mine.nonce === 0 && !mine.vote;

  const bySignature = (choice) => run(async (progress) => {
    // The nonce as of now (the page may lag a block): a vote already counted goes the paid way.
    const nonce = await chain.api.apis.GovernanceApi.next_nonce(p.index, account.address, { at: 'best' });
    if (nonce !== 0) return byExtrinsic(choice);
    const payload = await votePayload(chain, p, choice, nonce);
    if (!payload) throw new Error(`proposal #${p.index} is no longer open`);
    progress('sign the vote message in your wallet');
    const signature = await account.polkadotSigner.signBytes(payload);
    progress('submitting the signed vote (no fee)');
    const tx = chain.api.tx.Governance.vote_by_signature({
      index: p.index,
      vote: { voter: account.address, choice: Enum(choice), nonce, signature: Enum(signatureVariant(account), toHex(signatureBytes(signature))) },
    });
    const result = await follow(chain.client.submitAndWatch(await tx.getBareTx()), progress, chain.docs);
    if (result.error) throw worded(result.error);
    reload();
  });
  const byExtrinsic = (choice) => run(async (progress) => {
    progress('approve the transaction in your wallet');
    await send(chain, chain.api.tx.Governance.vote({ index: p.index, choice: Enum(choice) }), account, progress);
    reload();
  });

  return (
    <div class="card my-vote" data-testid="my-vote">
      <h2>My vote</h2>
      <p>
        My power at the snapshot: <strong data-testid="my-power"><Amount chain={chain} value={mine.power} /></strong>
        {mine.whyZero && <span class="muted" data-testid="why-zero"> — {mine.whyZero}</span>}
      </p>
      {mine.vote && <p data-testid="current-vote">I voted <strong>{mine.vote.choice.type}</strong> with <Amount chain={chain} value={mine.vote.power} />.</p>}
      {mine.power > 0n && (
        <>
          <div class="buttons">
            {CHOICES.map((c) => (
              <button key={c} data-testid={`vote-${c}`} disabled={state && !state.error && !/finalized/.test(state.text ?? '')}
                onClick={() => (first ? bySignature(c) : byExtrinsic(c))}>
                {mine.vote ? `Change to ${c}` : c}
              </button>
            ))}
          </div>
          <p class="muted">
            {first
              ? 'Your first vote is a message you sign in your wallet: no transaction fee. '
              : 'Changing a vote is a transaction with a fee (a changed signed message would be free to repeat). '}
            {first && <>Wallet cannot sign messages (Ledger)? Vote by transaction: {CHOICES.map((c) => <button key={c} class="link" data-testid={`paid-${c}`} onClick={() => byExtrinsic(c)}>{c}</button>)}</>}
          </p>
        </>
      )}
      <Progress state={state} />
    </div>
  );
}
