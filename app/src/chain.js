// The chain, as the app reads and writes it: one polkadot-api client with the descriptors
// generated from this source's runtime (scripts/descriptors.mjs), and the pure rules the pages
// show (formatting, thresholds, block dates), which the tests import too.

import { createClient, Enum, getTypedCodecs } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';

import { metacert } from '../.papi/descriptors/dist/index.js';

export { Enum };

/** The node the app talks to unless `?rpc=` says otherwise (scripts/dev-node.sh's). */
export const DEFAULT_RPC = 'ws://127.0.0.1:9944';

/** Perbill: parts of a billion. */
export const BILLION = 1_000_000_000;

/** The node URL from the page's query string (`?rpc=ws://...`). */
export function rpcFromQuery(search) {
  const rpc = new URLSearchParams(search).get('rpc');
  return rpc && /^wss?:\/\//.test(rpc) ? rpc : DEFAULT_RPC;
}

/**
 * Connects to `url`: the typed API, the codecs (to re-encode what runtime APIs return) and what
 * every page needs once (token symbol and decimals, genesis hash, block time, classes).
 */
export async function connect(url, { websocketClass } = {}) {
  const client = createClient(getWsProvider(url, websocketClass ? { websocketClass } : undefined));
  const api = client.getTypedApi(metacert);
  const [codecs, props, genesisHash, slotMs, classEntries] = await Promise.all([
    getTypedCodecs(metacert),
    client._request('system_properties', []),
    client._request('chain_getBlockHash', [0]),
    api.apis.AuraApi.slot_duration(),
    api.query.Governance.ClassOf.getEntries(),
  ]);
  const classes = new Map(classEntries.map(({ keyArgs: [id], value }) => [id, { id, ...value, name: text(value.name) }]));
  return {
    client,
    api,
    codecs,
    url,
    genesisHash,
    token: { symbol: props.tokenSymbol ?? 'MTC', decimals: props.tokenDecimals ?? 12 },
    blockMs: Number(slotMs),
    classes,
  };
}

/** UTF-8 text of bytes (class names). */
export function text(bytes) {
  return typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
}

/** `planck` as a decimal amount of the token: `1,234.5 MTC` (at most `digits` decimals). */
export function formatBalance(planck, { decimals, symbol }, digits = 4) {
  const value = BigInt(planck);
  const unit = 10n ** BigInt(decimals);
  const step = 10n ** BigInt(Math.max(decimals - digits, 0));
  if (value > 0n && value < step) return `< ${(1 / 10 ** digits).toFixed(digits)} ${symbol}`;
  const whole = (value / unit).toLocaleString('en');
  const fraction = ((value % unit) / step).toString().padStart(Math.min(digits, decimals), '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ${symbol}`;
}

/** A decimal amount typed by a user, in planck; throws on anything else. */
export function parseBalance(input, { decimals }) {
  const typed = String(input).trim();
  // Commas only as thousands separators ("1,5" is refused, not read as 15).
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(typed)) throw new Error(`not an amount: "${input}" (use a dot for decimals)`);
  const [whole, fraction = ''] = typed.replace(/,/g, '').split('.');
  if (fraction.length > decimals) throw new Error(`at most ${decimals} decimals`);
  const planck = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (planck >= 2n ** 128n) throw new Error('too large an amount');
  return planck;
}

/** A Perbill as a percentage: `66.67%`. */
export function percent(parts) {
  return `${(Number(parts) / BILLION * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** `a / b` as a Perbill (0 when `b` is 0). */
export function share(a, b) {
  const x = BigInt(a);
  const y = BigInt(b);
  return y === 0n ? 0 : Number((x * BigInt(BILLION)) / y);
}

/**
 * Where a tally stands against its proposal's rule, as the pallet counts it: approval is aye over
 * aye + nay, turnout is all votes (abstain included) over the electorate at the snapshot.
 */
export function standing(tally, thresholds, electorate) {
  const decisive = BigInt(tally.aye) + BigInt(tally.nay);
  const cast = decisive + BigInt(tally.abstain);
  const approval = share(tally.aye, decisive);
  const turnout = share(cast, electorate);
  const approvalOk = decisive > 0n && approval >= thresholds.min_approval;
  const turnoutOk = turnout >= thresholds.min_turnout;
  const votersOk = tally.voters >= thresholds.min_voters;
  // An empty electorate approves nothing, whatever the rule (as the pallet counts).
  const passing = BigInt(electorate) > 0n && approvalOk && turnoutOk && votersOk;
  return { approval, turnout, approvalOk, turnoutOk, votersOk, passing };
}

/** The estimated time of block `n`, from the best block `best` seen at `now` (ms). */
export function blockDate(n, best, blockMs, now = Date.now()) {
  return new Date(now + (n - best) * blockMs);
}

/** `ms` as words: `2 d 3 h`, `5 min`, `40 s`. */
export function duration(ms) {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** A short address: `5GrwvaEF…utQY`. */
export function short(address) {
  return address.length > 14 ? `${address.slice(0, 8)}…${address.slice(-4)}` : address;
}

/** A proposal's status in words. */
export function statusText(status) {
  switch (status.type) {
    case 'Ongoing': return 'voting';
    case 'Approved': return `approved, enacted at #${status.value.enact_at}`;
    case 'Enacted': return status.value.ok ? 'enacted' : 'enacted, the call failed';
    case 'NotEnacted': return 'approved, not enacted';
    default: return status.type.toLowerCase();
  }
}

/** A value decoded by polkadot-api as JSON text (bigints as decimal strings, bytes as hex). */
export function show(value) {
  return JSON.stringify(value, (_, v) => {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Uint8Array) return `0x${[...v].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    return v;
  }, 2);
}

/** Bytes as 0x-hex. */
export function toHex(bytes) {
  return `0x${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** 0x-hex as bytes; throws unless it is whole bytes of hex digits. */
export function fromHex(hex) {
  const s = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (!/^([0-9a-fA-F]{2})*$/.test(s)) throw new Error('not hex bytes (0x followed by pairs of hex digits)');
  return Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** Whether two byte arrays are equal. */
export function sameBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Every proposal on chain, newest first, each with its summary (status, tally, passing). */
export async function loadProposals(chain) {
  const entries = await chain.api.query.Governance.ProposalOf.getEntries();
  return entries
    .map(({ keyArgs: [index], value }) => ({ index, ...value }))
    .sort((a, b) => b.index - a.index);
}

/** One proposal, or `null`. */
export async function loadProposal(chain, index) {
  const info = await chain.api.query.Governance.ProposalOf.getValue(index);
  return info ? { index, ...info } : null;
}

/**
 * The proposal's call: `{ bytes, decoded }` from the inline call or its preimage; `decoded` is
 * null and `missing` says why when the preimage is not on chain.
 */
export async function loadCall(chain, call) {
  let bytes;
  if (call.type === 'Inline') bytes = call.value;
  else if (call.type === 'Lookup') {
    bytes = await chain.api.query.Preimage.PreimageFor.getValue([call.value.hash, call.value.len]);
    if (!bytes) return { bytes: null, decoded: null, missing: `preimage ${call.value.hash} is not on chain` };
  } else return { bytes: null, decoded: null, missing: `a legacy call reference (${call.value.hash})` };
  try {
    const tx = await chain.api.txFromCallData(bytes);
    return { bytes, decoded: tx.decodedCall };
  } catch (e) {
    return { bytes, decoded: null, missing: `the call does not decode with this runtime: ${e.message}` };
  }
}

/** The votes on a proposal: `[{ who, choice, power, nonce }]`, counted ones only. */
export async function loadVotes(chain, index) {
  const entries = await chain.api.query.Governance.VoteOf.getEntries(index);
  return entries
    .filter(({ value }) => value.vote)
    .map(({ keyArgs: [, who], value }) => ({ who, choice: value.vote.choice.type, power: value.vote.power, nonce: value.next_nonce }));
}

/** The votes as CSV (voter, choice, power in planck). */
export function votesCsv(votes) {
  return ['voter,choice,power', ...votes.map((v) => `${v.who},${v.choice},${v.power}`)].join('\n');
}

/** Sorts votes by `key` (`who`, `choice` or `power`), `dir` 1 or -1. */
export function sortVotes(votes, key, dir) {
  const cmp = key === 'power'
    ? (a, b) => (a.power < b.power ? -1 : a.power > b.power ? 1 : 0)
    : (a, b) => String(a[key]).localeCompare(String(b[key]));
  return [...votes].sort((a, b) => dir * cmp(a, b));
}

/**
 * What `who` can do on proposal `index`: power at its snapshot, the nonce a signed vote must
 * carry, the current vote, and why the power is zero if it is.
 */
export async function loadMyVote(chain, proposal, who) {
  const { api } = chain;
  const [power, nonce, record, delegation, atSnapshot] = await Promise.all([
    api.apis.GovernanceApi.voting_power(proposal.index, who),
    api.apis.GovernanceApi.next_nonce(proposal.index, who),
    api.query.Governance.VoteOf.getValue(proposal.index, who),
    api.apis.TokenApi.delegation_of(who),
    api.apis.TokenApi.voting_power_at(who, proposal.snapshot),
  ]);
  let whyZero = null;
  if (power === 0n) {
    if (delegation) whyZero = `your power is delegated to ${short(delegation[0])} (${formatBalance(delegation[1], chain.token)})`;
    else if (atSnapshot === undefined) whyZero = 'the snapshot of this proposal can no longer be read';
    else whyZero = `you held no ${chain.token.symbol} at the snapshot (block #${proposal.snapshot})`;
  }
  return { power, nonce, vote: record?.vote ?? null, whyZero };
}

/**
 * The exact bytes of the signed vote message (`GovernanceApi::vote_payload` re-encoded), or null
 * if the proposal is gone.
 */
export async function votePayload(chain, proposal, choice, nonce) {
  const payload = await chain.api.apis.GovernanceApi.vote_payload(proposal.index, Enum(choice), nonce);
  if (!payload) return null;
  // The node is not trusted with what the user signs: every field must be the vote the user chose,
  // on this chain, on the proposal shown (a signed message can be relayed to the real chain).
  const governanceIndex = (await chain.api.tx.Governance.vote({ index: 0, choice: Enum('Aye') }).getEncodedData())[0];
  const expected = {
    domain: toHex(VOTE_DOMAIN),
    genesis_hash: chain.genesisHash,
    pallet_index: governanceIndex,
    proposal: proposal.index,
    call_hash: proposal.call_hash,
    choice,
    nonce,
  };
  const got = { ...payload, choice: payload.choice.type };
  for (const [field, value] of Object.entries(expected)) {
    if (String(got[field]).toLowerCase() !== String(value).toLowerCase()) {
      throw new Error(`the node's vote message has ${field} ${String(got[field])}, not ${String(value)}: not signed (is ${chain.url} the chain you meant?)`);
    }
  }
  // The runtime API's value is `Option<VotePayload>`: its encoding is 0x01 then the payload.
  const encoded = chain.codecs.apis.GovernanceApi.vote_payload.value.enc(payload);
  return encoded.subarray(1);
}

/** The domain tag every vote message starts with (pallet-governance's `VOTE_DOMAIN`). */
export const VOTE_DOMAIN = new Uint8Array([...new TextEncoder().encode('MTC-GOV-VOTE/v1'), 0]);

/** The bytes a wallet signs for `payload`, as the polkadot.js extension's `signRaw` does. */
export function wrapBytes(payload) {
  const enc = new TextEncoder();
  return new Uint8Array([...enc.encode('<Bytes>'), ...payload, ...enc.encode('</Bytes>')]);
}

/** The account's balances, voting power now and delegation. */
export async function loadAccount(chain, who) {
  const { api } = chain;
  const [account, power, delegation] = await Promise.all([
    api.query.System.Account.getValue(who),
    api.apis.TokenApi.current_voting_power(who),
    api.apis.TokenApi.delegation_of(who),
  ]);
  return { data: account.data, nonce: account.nonce, power, delegation };
}
