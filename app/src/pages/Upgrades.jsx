// Runtime upgrades: the pending ones with the rule they need and what each authority's node said
// about their code (Upgrades.ReadinessOf, through UpgradesApi.signals), the runtime now running
// and the upgrades installed so far (the chain keeps the latest ones: Upgrades.ActivatedUpgrades).

import { percent, toHex } from '../chain.js';
import { Problem, When, useLoad } from '../ui.jsx';

/** A key as 0x-hex, whether the client decoded it as hex or as bytes. */
const keyHex = (key) => (typeof key === 'string' ? key : key.asHex?.() ?? toHex(key));

/** The rule an upgrade needs, in words. */
export function readinessRule(upgrade) {
  const share = upgrade.required_readiness > 0 ? `, and at least ${percent(upgrade.required_readiness)}` : '';
  return upgrade.allow_below_finality
    ? `at least one authority${share} (fewer than finality needs, as the proposal allowed)`
    : `more than two thirds of the authorities (what finality needs)${share}`;
}

export function UpgradesPage({ chain, head }) {
  const [data, error] = useLoad(async () => {
    const [pending, version, activated] = await Promise.all([
      chain.api.apis.UpgradesApi.pending_upgrades(),
      chain.api.apis.Core.version(),
      chain.api.query.Upgrades.ActivatedUpgrades.getValue(),
    ]);
    const signals = await Promise.all(pending.map(({ upgrade }) => chain.api.apis.UpgradesApi.signals(upgrade.code_hash)));
    return { pending, signals, version, activated: [...activated].reverse() };
  }, [head.finalized]);
  if (!data) return error ? <Problem text={error} /> : <p class="muted">loading upgrades…</p>;
  return (
    <section>
      <Problem text={error} />
      <h1>Runtime upgrades</h1>
      <div class="card">
        <h2>Running</h2>
        <p data-testid="running">{data.version.spec_name} spec_version {data.version.spec_version}.</p>
      </div>
      <h2>Pending</h2>
      <p class="muted" data-testid="rehearse">Before you vote on an upgrade, rehearse it against a copy of this chain's state (its migrations, then a block built on it): <code>scripts/rehearse-upgrade.sh runtime.wasm --rpc {chain.url}</code></p>
      {data.pending.length === 0 && <p class="muted">No upgrade is scheduled.</p>}
      {data.pending.map(({ upgrade: u, readiness, ready }, i) => (
        <div class="card" key={u.code_hash} data-testid="pending-upgrade">
          <dl>
            <dt>code hash</dt><dd class="mono">{u.code_hash}</dd>
            <dt>code size</dt><dd>{u.code_len.toLocaleString('en')} bytes</dd>
            <dt>spec_version</dt><dd>{u.spec_version}</dd>
            <dt>activation</dt><dd><When chain={chain} head={head} n={u.activate_at} /></dd>
            <dt>nodes needed</dt><dd>{readinessRule(u)} must say their nodes can run this code, by <When chain={chain} head={head} n={u.readiness_deadline} /></dd>
            <dt>ready now</dt><dd class={ready ? 'pass' : 'fail'}>{percent(readiness)} of the authorities {ready ? '(enough)' : '(not enough yet)'}</dd>
          </dl>
          {data.signals[i].length === 0 && <p class="muted">No authority's node has said yet whether it can run this code.</p>}
          {data.signals[i].length > 0 && (
            <table>
              <thead><tr><th>authority (Aura key)</th><th>its node</th><th>since</th></tr></thead>
              <tbody>
                {data.signals[i].map(([authority, s]) => (
                  <tr key={keyHex(authority)} data-testid="signal">
                    <td class="mono">{keyHex(authority)}</td>
                    <td class={s.can_run ? 'pass' : 'fail'}>{s.can_run ? 'can run it' : 'cannot run it'}</td>
                    <td>#{s.at}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      <h2>Installed</h2>
      {data.activated.length === 0 && <p class="muted" data-testid="no-activated">No upgrade installed since genesis.</p>}
      {data.activated.length > 0 && (
        <table>
          <thead><tr><th>spec_version</th><th>installed</th><th>code hash</th></tr></thead>
          <tbody>
            {data.activated.map((u) => (
              <tr key={`${u.activated_at}`} data-testid="activated-upgrade">
                <td>{u.spec_version}</td>
                <td><When chain={chain} head={head} n={u.activated_at} /></td>
                <td class="mono">{u.code_hash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
