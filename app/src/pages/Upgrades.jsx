// Runtime upgrades: the pending ones with the readiness of the authorities, the runtime now
// running and the upgrades installed so far (the chain keeps the latest ones:
// Upgrades.ActivatedUpgrades). (Thin on purpose: the readiness model is reworked by a later issue.)

import { percent } from '../chain.js';
import { Problem, When, useLoad } from '../ui.jsx';

export function UpgradesPage({ chain, head }) {
  const [data, error] = useLoad(async () => {
    const [pending, required, version, activated] = await Promise.all([
      chain.api.apis.UpgradesApi.pending_upgrades(),
      chain.api.apis.UpgradesApi.required_node_version(),
      chain.api.apis.Core.version(),
      chain.api.query.Upgrades.ActivatedUpgrades.getValue(),
    ]);
    return { pending, required, version, activated: [...activated].reverse() };
  }, [head.finalized]);
  if (!data) return error ? <Problem text={error} /> : <p class="muted">loading upgrades…</p>;
  const v = (x) => `${x.major}.${x.minor}.${x.patch}`;
  return (
    <section>
      <Problem text={error} />
      <h1>Runtime upgrades</h1>
      <div class="card">
        <h2>Running</h2>
        <p data-testid="running">{data.version.spec_name} spec_version {data.version.spec_version}; nodes must run {v(data.required)} or newer.</p>
      </div>
      <h2>Pending</h2>
      {data.pending.length === 0 && <p class="muted">No upgrade is scheduled.</p>}
      {data.pending.map(({ upgrade: u, readiness, ready }) => (
        <div class="card" key={u.code_hash} data-testid="pending-upgrade">
          <dl>
            <dt>code hash</dt><dd class="mono">{u.code_hash}</dd>
            <dt>code size</dt><dd>{u.code_len.toLocaleString('en')} bytes</dd>
            <dt>spec_version</dt><dd>{u.spec_version}</dd>
            <dt>activation</dt><dd><When chain={chain} head={head} n={u.activate_at} /></dd>
            <dt>nodes needed</dt><dd>{v(u.min_node_version)} or newer, signalled by {percent(u.required_readiness)} of the authorities by <When chain={chain} head={head} n={u.readiness_deadline} /></dd>
            <dt>ready now</dt><dd class={ready ? 'pass' : 'fail'}>{percent(readiness)} of the authorities {ready ? '(enough)' : '(not enough yet)'}</dd>
          </dl>
        </div>
      ))}
      <h2>Installed</h2>
      {data.activated.length === 0 && <p class="muted" data-testid="no-activated">No upgrade installed since genesis.</p>}
      {data.activated.length > 0 && (
        <table>
          <thead><tr><th>spec_version</th><th>installed</th><th>nodes needed</th><th>code hash</th></tr></thead>
          <tbody>
            {data.activated.map((u) => (
              <tr key={`${u.activated_at}`} data-testid="activated-upgrade">
                <td>{u.spec_version}</td>
                <td><When chain={chain} head={head} n={u.activated_at} /></td>
                <td>{v(u.min_node_version)}</td>
                <td class="mono">{u.code_hash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
