// My account: balance, voting power now and at the open proposals' snapshots, delegation, my
// votes and the deposits I have held.

import { useState } from 'preact/hooks';

import { Enum, loadAccount, loadProposals, parseBalance, short } from '../chain.js';
import { send } from '../tx.js';
import { Amount, Problem, Progress, useAction, useLoad } from '../ui.jsx';

export function AccountPage({ chain, head, account }) {
  const [data, error, reload] = useLoad(async () => {
    if (!account) return null;
    const who = account.address;
    const [me, proposals] = await Promise.all([loadAccount(chain, who), loadProposals(chain)]);
    const open = proposals.filter((p) => p.status.type === 'Ongoing');
    const [powers, votes] = await Promise.all([
      Promise.all(open.map((p) => chain.api.apis.GovernanceApi.voting_power(p.index, who))),
      Promise.all(proposals.map((p) => chain.api.query.Governance.VoteOf.getValue(p.index, who))),
    ]);
    return {
      me,
      open: open.map((p, i) => ({ p, power: powers[i] })),
      votes: proposals.map((p, i) => ({ p, vote: votes[i]?.vote })).filter((v) => v.vote),
      deposits: proposals.filter((p) => p.proposer === who && p.deposit > 0n),
    };
  }, [account?.address, head.finalized]);
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [state, run] = useAction();

  if (!account) return <p class="muted">Connect a wallet to see your account.</p>;
  if (!data) return error ? <Problem text={error} /> : <p class="muted">loading {short(account.address)}…</p>;
  const { me, open, votes, deposits } = data;

  const delegate = () => run(async (progress) => {
    const value = parseBalance(amount, chain.token);
    progress('approve the delegation in your wallet');
    await send(chain, chain.api.tx.Balances.delegate({ to: Enum('Id', to.trim()), amount: value }), account, progress);
    reload();
  });
  const undelegate = () => run(async (progress) => {
    progress('approve ending the delegation in your wallet');
    await send(chain, chain.api.tx.Balances.undelegate(), account, progress);
    reload();
  });

  return (
    <section>
      <Problem text={error} />
      <h1>Account <span class="mono" title={account.address}>{short(account.address)}</span></h1>
      <div class="grid">
        <div class="card">
          <h2>Balance</h2>
          <dl>
            <dt>free</dt><dd data-testid="free"><Amount chain={chain} value={me.data.free} /></dd>
            <dt>reserved</dt><dd><Amount chain={chain} value={me.data.reserved} /></dd>
            <dt>frozen</dt><dd><Amount chain={chain} value={me.data.frozen} />{me.delegation && ' (delegated)'}</dd>
          </dl>
        </div>
        <div class="card">
          <h2>Voting power</h2>
          <p>now: <strong data-testid="power-now"><Amount chain={chain} value={me.power} /></strong></p>
          {open.length === 0 ? <p class="muted">No proposal is open.</p> : (
            <ul>{open.map(({ p, power }) => <li key={p.index}><a href={`#/proposal/${p.index}`}>#{p.index}</a> at its snapshot #{p.snapshot}: <Amount chain={chain} value={power} /></li>)}</ul>
          )}
        </div>
      </div>
      <div class="card" data-testid="delegation">
        <h2>Delegation</h2>
        {me.delegation
          ? <p data-testid="delegated">You lend the power of <Amount chain={chain} value={me.delegation[1]} /> to <span class="mono" title={me.delegation[0]}>{short(me.delegation[0])}</span>; that amount stays frozen until you undelegate. <button data-testid="undelegate" onClick={undelegate}>Undelegate</button></p>
          : <p class="muted">You vote with your own power. Delegating lends the power of a fixed amount of your balance (frozen while delegated) to another account; you can end it at any time.</p>}
        <label>Delegate to <input class="mono" data-testid="delegate-to" value={to} onInput={(e) => setTo(e.target.value)} placeholder="address" /></label>
        <label>Amount ({chain.token.symbol}) <input data-testid="delegate-amount" value={amount} onInput={(e) => setAmount(e.target.value)} /></label>
        <button data-testid="delegate" onClick={delegate}>{me.delegation ? 'Replace delegation' : 'Delegate'}</button>
        <Progress state={state} />
      </div>
      <div class="card">
        <h2>My votes</h2>
        {votes.length === 0 ? <p class="muted">None recorded.</p> : (
          <ul>{votes.map(({ p, vote }) => <li key={p.index}><a href={`#/proposal/${p.index}`}>#{p.index}</a>: {vote.choice.type} with <Amount chain={chain} value={vote.power} /></li>)}</ul>
        )}
      </div>
      <div class="card">
        <h2>Deposits held</h2>
        {deposits.length === 0 ? <p class="muted">No proposal deposit is held.</p> : (
          <ul>{deposits.map((p) => <li key={p.index}><a href={`#/proposal/${p.index}`}>#{p.index}</a>: <Amount chain={chain} value={p.deposit} /></li>)}</ul>
        )}
        <p class="muted">Reserved in all (deposits of proposals and preimages): <Amount chain={chain} value={me.data.reserved} /></p>
      </div>
    </section>
  );
}
