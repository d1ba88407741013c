// The app shell: the connection to a node, the wallet and its accounts, the routes.

import { render } from 'preact';
import { useEffect, useErrorBoundary, useState } from 'preact/hooks';

import { DEFAULT_RPC, connect, rpcFromQuery, short } from './chain.js';
import { errorDocs } from './docs.js';
import { AccountPage } from './pages/Account.jsx';
import { ProposalPage } from './pages/Proposal.jsx';
import { ProposalsPage } from './pages/Proposals.jsx';
import { ProposePage } from './pages/Propose.jsx';
import { UpgradesPage } from './pages/Upgrades.jsx';
import { Problem } from './ui.jsx';
import { connectWallet, installedWallets } from './wallet.js';
import './style.css';

/** The route from the location hash: `#/proposal/3` -> `['proposal', '3']`. */
function route() {
  return (location.hash.replace(/^#\/?/, '') || 'proposals').split('/');
}

function useRoute() {
  const [r, setR] = useState(route());
  useEffect(() => {
    const on = () => setR(route());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return r;
}

const ACCOUNT_KEY = 'metacert.account';

/** A page that throws shows what went wrong instead of a blank screen. */
function Guard({ children }) {
  const [error, reset] = useErrorBoundary();
  if (error) return <><Problem text={`This page failed: ${error.message ?? error}`} /><button onClick={reset}>Try again</button></>;
  return children;
}

/** A proposal index from the route, or null if it is not one (a u32). */
function proposalIndex(arg) {
  return /^\d{1,10}$/.test(arg ?? '') && Number(arg) < 2 ** 32 ? Number(arg) : null;
}

function Wallet({ wallet, setWallet }) {
  const [names, setNames] = useState(installedWallets());
  const [error, setError] = useState(null);
  useEffect(() => {
    // Extensions inject themselves when the page loads; look again shortly after.
    const t = setTimeout(() => setNames(installedWallets()), 500);
    return () => clearTimeout(t);
  }, []);
  const open = async (name) => {
    setError(null);
    try {
      // The wallet reports its accounts as soon as it is connected, then on every change.
      const disconnect = await connectWallet(name, (accounts) => setWallet((w) => {
        const saved = localStorage.getItem(ACCOUNT_KEY);
        const account = accounts.find((a) => a.address === (w?.account?.address ?? saved)) ?? accounts[0] ?? null;
        return { ...w, name, accounts, account };
      }));
      setWallet((w) => (w ? { ...w, disconnect } : w));
    } catch (e) {
      setError(`${name}: ${e.message ?? e}`);
    }
  };
  if (!wallet) {
    return (
      <div class="wallet">
        {names.length === 0
          ? <span class="muted">No wallet extension found: install polkadot.js extension, Talisman or SubWallet to vote.</span>
          : names.map((n) => <button key={n} data-testid={`connect-${n}`} onClick={() => open(n)}>Connect {n}</button>)}
        {error && <Problem text={error} />}
      </div>
    );
  }
  return (
    <div class="wallet">
      {wallet.accounts.length === 0 && <span class="muted">{wallet.name} shares no account with this page.</span>}
      {wallet.accounts.length > 0 && (
        <select data-testid="account" value={wallet.account?.address} onChange={(e) => {
          localStorage.setItem(ACCOUNT_KEY, e.target.value);
          setWallet({ ...wallet, account: wallet.accounts.find((a) => a.address === e.target.value) });
        }}>
          {wallet.accounts.map((a) => <option key={a.address} value={a.address}>{a.name ? `${a.name} · ` : ''}{short(a.address)}</option>)}
        </select>
      )}
      <button class="link" onClick={() => { wallet.disconnect?.(); setWallet(null); }}>disconnect</button>
    </div>
  );
}

function App() {
  const [chain, setChain] = useState(null);
  const [failure, setFailure] = useState(null);
  const [head, setHead] = useState({ best: 0, finalized: 0 });
  const [wallet, setWallet] = useState(null);
  const [page, arg] = useRoute();
  const rpc = rpcFromQuery(location.search);

  useEffect(() => {
    let client;
    let subs = [];
    const timer = setTimeout(() => setFailure(`no answer from ${rpc} yet: is a node running there? (scripts/dev-node.sh starts one; ?rpc=ws://host:port picks another)`), 8000);
    connect(rpc).then(async (c) => {
      clearTimeout(timer);
      client = c.client;
      c.docs = await errorDocs(c);
      setFailure(null);
      setChain(c);
      subs = [
        c.client.bestBlocks$.subscribe((blocks) => setHead((h) => ({ ...h, best: blocks[0]?.number ?? h.best }))),
        c.client.finalizedBlock$.subscribe((b) => setHead((h) => ({ ...h, finalized: b.number }))),
      ];
    }, (e) => {
      clearTimeout(timer);
      setFailure(`cannot connect to ${rpc}: ${e.message}`);
    });
    return () => {
      clearTimeout(timer);
      subs.forEach((s) => s.unsubscribe());
      client?.destroy();
    };
  }, [rpc]);

  const ctx = { chain, head, account: wallet?.account ?? null };
  // Pages are mounted afresh for another account or proposal: nothing of the last one is shown.
  const who = wallet?.account?.address ?? 'none';
  const index = proposalIndex(arg);
  const nav = [['proposals', 'Proposals'], ['propose', 'Propose'], ['account', 'Account'], ['upgrades', 'Upgrades']];
  return (
    <>
      <header>
        <a class="brand" href="#/">MetaCert governance</a>
        <nav>{nav.map(([p, label]) => <a key={p} href={`#/${p}`} class={page === p || (p === 'proposals' && page === 'proposal') ? 'active' : ''}>{label}</a>)}</nav>
        <Wallet wallet={wallet} setWallet={setWallet} />
      </header>
      <div class="status" data-testid="status">
        {chain ? <>connected to {rpc} · best #{head.best} · finalized #{head.finalized}</> : failure ? <Problem text={failure} /> : <>connecting to {rpc}…</>}
        {rpc !== DEFAULT_RPC && <strong class="fail"> · a node chosen by the link (?rpc=): make sure you trust it</strong>}
      </div>
      <main>
        <Guard key={`${page}/${arg}/${who}`}>
          {chain && page === 'proposals' && <ProposalsPage {...ctx} />}
          {chain && page === 'proposal' && (index === null ? <Problem text={`"${arg}" is not a proposal number.`} /> : <ProposalPage key={`${index}/${who}`} {...ctx} index={index} />)}
          {chain && page === 'propose' && <ProposePage key={who} {...ctx} />}
          {chain && page === 'account' && <AccountPage key={who} {...ctx} />}
          {chain && page === 'upgrades' && <UpgradesPage {...ctx} />}
        </Guard>
      </main>
    </>
  );
}

render(<App />, document.getElementById('app'));
