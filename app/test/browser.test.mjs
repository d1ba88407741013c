// The governance app in headless Chromium (Debian's `chromium`, driven by playwright-core)
// against a real dev node, with a test wallet injected into the page as the polkadot.js
// extension is (scripts/e2e/lib/extension.js): holders open the list and a proposal, vote by
// signed message, change the vote by a paid vote, propose a remark that is then enacted, delegate,
// and see a refused signature in words. Every check is made on chain too. Screenshots of each page
// go to app/test-output/ (the README's images are copied from there).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { testWallet } from '../../scripts/e2e/lib/extension.js';
import { connect, nodeBinary, startNode, waitFor } from '../../scripts/e2e/lib/node.js';
import { sendAndWait } from '../../scripts/e2e/lib/tx.js';
import { serve } from '../scripts/serve.mjs';
import { formatBalance } from '../src/chain.js';

const APP = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(APP, 'test-output');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ROOT_CLASS = 3;
// Voting long enough for a browser to act in, on a 2-core machine running other tests: the dev
// chain's classes with this voting period (blocks of 6 s).
const VOTING_BLOCKS = 20;
const MTC = 10n ** 12n;

/**
 * The dev chain spec with every class's voting period set to `blocks`, and the token's snapshot
 * period that keeps a snapshot readable that long (the runtime's `snapshot_period_for`: the
 * voting period over MAX_SNAPSHOTS - 1 = 14; genesis refuses a class the snapshots cannot cover).
 */
function devSpecWithVotingPeriod(blocks) {
  const spec = JSON.parse(execFileSync(nodeBinary(), ['build-spec', '--chain', 'dev'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  const patch = spec.genesis?.runtimeGenesis?.patch;
  assert.ok(patch?.governance?.classes && patch?.balances?.snapshotPeriod, 'the dev chain spec carries the classes and the snapshot period in its genesis patch');
  for (const [, cls] of patch.governance.classes) cls.voting_period = blocks;
  patch.balances.snapshotPeriod = Math.ceil(blocks / 14);
  const dir = mkdtempSync(join(tmpdir(), 'metacert-app-spec-'));
  const file = join(dir, 'dev-app.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('the governance app in Chromium', () => {
  let node;
  let api;
  let server;
  let browser;
  let page;
  let wallet;
  let home;
  const pageErrors = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: scripts/setup.sh installs Debian's chromium (or set CHROMIUM)`);
    mkdirSync(OUT, { recursive: true });
    node = await startNode({ name: 'app', args: ['--dev', '--chain', devSpecWithVotingPeriod(VOTING_BLOCKS)] });
    api = await connect(node);
    wallet = testWallet(api, ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'], api.registry.chainSS58);
    server = await serve({ port: 0 });
    // Flags for a closed network and a container (no sandbox, no GPU, nothing fetched in the
    // background); playwright gives the browser a fresh profile.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(45_000);
    page.on('console', (m) => { if (m.type() === 'error') console.error(`page console: ${m.text()}`); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await wallet.inject(page);
    home = `http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(node.wsUrl)}`;
  });

  after(async () => {
    await browser?.close();
    server?.close();
    await api?.disconnect();
    await node?.stop();
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });

  const byTest = (id) => page.getByTestId(id);
  const address = (name) => wallet.pair(name).address;
  const as = async (name) => byTest('account').selectOption(address(name));
  const shot = (name) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  const voteOf = async (index, name) => (await api.query.governance.voteOf(index, address(name))).unwrapOr(null)?.vote.unwrapOr(null);
  const fmt = (planck) => formatBalance(planck, { decimals: 12, symbol: 'MTC' });
  const blocks = (n) => n * 6_000 + 30_000;

  let first;
  test('a holder opens the list, opens a proposal and votes by signing a message (no fee)', async () => {
    const remark = api.tx.system.remark('0x617070').method.toHex();
    const submitted = await sendAndWait(api, api.tx.governance.submit({ Inline: remark }, ROOT_CLASS, null), wallet.pair('Charlie'));
    assert.equal(submitted.dispatchError, null);
    first = submitted.events.find(({ event }) => api.events.governance.Submitted.is(event)).event.data.index.toNumber();

    await page.goto(`${home}#/`);
    await byTest('connect-polkadot-js').click();
    await as('Alice');
    await byTest(`proposal-${first}`).waitFor();
    await shot('proposals');
    await byTest(`proposal-${first}`).click();
    await byTest('my-vote').waitFor();
    const power = (await api.call.governanceApi.votingPower(first, address('Alice'))).toBigInt();
    assert.ok(power > 0n);
    await page.getByText(fmt(power)).first().waitFor();
    const freeBefore = (await api.query.system.account(address('Alice'))).data.free.toBigInt();

    await byTest('vote-Aye').click();
    await page.getByText(/included in block|finalized in block/).waitFor();
    await waitFor('Alice\'s signed vote on chain', async () => (await voteOf(first, 'Alice'))?.choice.isAye);
    await page.locator('[data-testid="voters"]', { hasText: /^1 / }).waitFor();
    await page.locator('[data-testid="aye"]', { hasText: fmt(power) }).waitFor();
    assert.deepEqual(wallet.signed.at(-1), { kind: 'bytes', address: address('Alice') }, 'signed as a message, not a transaction');
    const freeAfter = (await api.query.system.account(address('Alice'))).data.free.toBigInt();
    assert.equal(freeAfter, freeBefore, 'a first signed vote costs no fee');
  });

  test('the holder changes the vote by a paid vote, and the tally moves', async () => {
    await byTest('vote-Nay').click();
    await waitFor('Alice\'s changed vote on chain', async () => (await voteOf(first, 'Alice'))?.choice.isNay);
    assert.equal(wallet.signed.at(-1).kind, 'payload', 'a changed vote is a signed transaction');
    await page.locator('[data-testid="current-vote"]', { hasText: 'Nay' }).waitFor();
    await page.locator('[data-testid="aye"]', { hasText: fmt(0n) }).waitFor();
    await shot('proposal');
  });

  let second;
  test('another holder proposes a remark (a forbidden call is refused first); after the votes it is enacted', async () => {
    await as('Bob');
    await page.goto(`${home}#/propose`);
    // A call no proposal may carry is refused, with the reason, before anything is signed.
    const signedBefore = wallet.signed.length;
    await byTest('kind').selectOption('raw');
    await byTest('raw').fill(api.tx.system.setCode('0x0061736d').method.toHex());
    await page.locator('[data-testid="plan"]', { hasText: 'No proposal may carry this call' }).waitFor();
    assert.ok(await byTest('submit').isDisabled(), 'nothing to submit');
    assert.equal(wallet.signed.length, signedBefore);
    await byTest('kind').selectOption('remark');
    const text = `enacted by the app ${Date.now()}`;
    await byTest('remark').fill(text);
    await page.locator('[data-testid="class"]', { hasText: /\S/ }).waitFor();
    await shot('propose');
    await byTest('submit').click();
    await page.waitForURL(/#\/proposal\/\d+$/);
    second = Number(page.url().split('/').pop());
    const info = (await api.query.governance.proposalOf(second)).unwrap();
    assert.equal(info.proposer.toString(), address('Bob'));
    assert.equal(info.class.toNumber(), ROOT_CLASS, 'the class the runtime requires for a remark');
    const inline = info.call.asInline.toU8a(true);
    assert.equal(api.registry.createType('Call', inline).args[0].toUtf8(), text, 'the call submitted is the remark typed');

    for (const name of ['Bob', 'Alice', 'Charlie']) {
      await as(name);
      await byTest('vote-Aye').click();
      await waitFor(`${name}'s vote on #${second}`, async () => (await voteOf(second, name))?.choice.isAye);
    }
  });

  test('a refused signature is shown in words and changes nothing', async () => {
    await as('Eve');
    wallet.refuseNext = true;
    await byTest('vote-Aye').click();
    await page.locator('[data-testid="problem"]', { hasText: /the wallet did not sign: Cancelled/ }).waitFor();
    assert.equal((await voteOf(second, 'Eve')) ?? null, null, 'no vote was cast');
  });

  test('a holder delegates, and the page shows the delegate\'s power', async () => {
    await as('Charlie');
    await page.goto(`${home}#/account`);
    await byTest('delegate-to').fill(address('Dave'));
    await byTest('delegate-amount').fill('1000');
    await byTest('delegate').click();
    await byTest('delegated').waitFor();
    const delegation = (await api.call.tokenApi.delegationOf(address('Charlie'))).unwrap();
    assert.equal(delegation[0].toString(), address('Dave'));
    assert.equal(delegation[1].toBigInt(), 1000n * MTC);
    await as('Dave');
    const davePower = (await api.call.tokenApi.currentVotingPower(address('Dave'))).toBigInt();
    const daveOwn = (await api.query.system.account(address('Dave'))).data;
    assert.equal(davePower, daveOwn.free.toBigInt() + daveOwn.reserved.toBigInt() + 1000n * MTC, 'Dave votes with his balance and the delegated amount');
    await page.locator('[data-testid="power-now"]', { hasText: fmt(davePower) }).waitFor();
    await shot('account');
  });

  test('the proposal is enacted, and the upgrades page shows the running runtime', async () => {
    await page.goto(`${home}#/proposal/${second}`);
    await page.locator('[data-testid="status-tag"]', { hasText: /^enacted$/ }).waitFor({ timeout: blocks(VOTING_BLOCKS + 4) });
    const status = (await api.query.governance.proposalOf(second)).unwrap().status;
    assert.ok(status.isEnacted && status.asEnacted.ok.isTrue, 'enacted on chain, and the call succeeded');
    await page.goto(`${home}#/upgrades`);
    const spec = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    await page.locator('[data-testid="running"]', { hasText: `spec_version ${spec}` }).waitFor();
    // The history the chain keeps: none on this chain since genesis.
    assert.equal((await api.query.upgrades.activatedUpgrades()).length, 0);
    await page.locator('[data-testid="no-activated"]').waitFor();
    await page.locator('[data-testid="rehearse"]', { hasText: 'scripts/rehearse-upgrade.sh runtime.wasm --rpc ws://' }).waitFor();
    await shot('upgrades');
  });
});
