import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { runLinkCli } from '../../server/src/cliLinks';
import { createOnlineSources, sourceUrlVariables } from '../../server/src/node/onlineSources';
import { expectedReferenceFindings } from '../helpers/referenceFindings';
import { FakeClock } from '../helpers/fakeClock';
import { startOnlineServer, type OnlineTestServer } from '../helpers/onlineServer';

const cli = join(process.cwd(), 'dist/cli.js');
const reference = readFileSync(resolve(__dirname, '../fixtures/alignment-survey.md'), 'utf8');
let server: OnlineTestServer;
before(async () => {
  server = await startOnlineServer();
});
after(() => server.close());

/** The environment that points every source at the local server, with its own cache folder. */
function envFor(cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PAPERLIST_CACHE_DIR: cacheDir, NO_COLOR: '1' };
  for (const [key, name] of Object.entries(sourceUrlVariables)) env[name] = server.urls[key as keyof typeof server.urls];
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[name];
  return env;
}

/** Runs the built CLI in a child process, without blocking this process's local server. */
function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    execFile(process.execPath, [cli, ...args], { env, cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolveRun({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs the CLI in this process with a clock that does not wait, collecting what it prints. */
async function runHere(args: string[], cacheDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runLinkCli(args, { stdout: (text) => out.push(text), stderr: (text) => err.push(text), color: false }, { sources: { env: envFor(cacheDir), cacheDir, clock: new FakeClock() } });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const folder = (): string => mkdtempSync(join(tmpdir(), 'paperlist-links-'));

test('cli add --online: the paper goes into the section in the house style, and is printed', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  const result = await run(['add', 'https://arxiv.org/abs/1706.03762v7', '--section', 'Human Instructions', '--online', 'list.md'], envFor(join(dir, 'cache')), dir);
  assert.equal(result.status, 0, result.stderr);
  const entry = '18. **Attention Is All You Need**. *Vaswani et al.* arXiv 2017. [[Paper](https://arxiv.org/pdf/1706.03762.pdf)]';
  assert.equal(result.stdout.trim(), entry);
  const lines = readFileSync(join(dir, 'list.md'), 'utf8').split('\n');
  assert.equal(lines[27], entry);
  assert.deepEqual(lines.slice(0, 27), reference.split('\n').slice(0, 27));
  assert.ok(readdirSync(join(dir, 'cache')).length >= 1, 'the answer is cached');
});

test('cli add: offline, the entry has placeholders and no request is made', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  const before = server.requests.length;
  const result = await runHere(['add', 'arXiv:2305.12345', '--section', 'human instructions', join(dir, 'list.md')], join(dir, 'cache'));
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '18. **Title**. *Author et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2305.12345.pdf)]');
  assert.match(result.stderr, /added 1 entry without going online/);
  assert.equal(server.requests.length, before);
});

test('cli add: a paper already listed is not added again, and where it is is said', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  const result = await runHere(['add', 'https://doi.org/10.48550/arXiv.2212.10560', '--section', 'Human Instructions', join(dir, 'list.md')], join(dir, 'cache'));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /is listed already, at line 17 under "Human Instructions"; not added again/);
  assert.equal(readFileSync(join(dir, 'list.md'), 'utf8'), reference);
});

test('cli add --online: a failure changes nothing and says why', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  for (const [link, message] of [
    ['arXiv:2401.99999', /arXiv has no paper 2401\.99999\. Nothing was added\./],
    ['doi:10.9999/malformed', /not valid JSON\. Nothing was added\./],
  ] as const) {
    const result = await runHere(['add', 'arXiv:1706.03762', link, '--section', 'Human Instructions', '--online', join(dir, 'list.md')], join(dir, 'cache'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, message);
    assert.equal(readFileSync(join(dir, 'list.md'), 'utf8'), reference);
  }
});

test('cli add: usage errors say what is wrong', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  const cases: [string[], RegExp][] = [
    [['add', 'list.md'], /needs one or more links/],
    [['add', 'arXiv:1706.03762', 'list.md'], /needs --section HEADING/],
    [['add', 'https://github.com/x/y', '--section', 'Human Instructions', 'list.md'], /is not a link or id paperlist knows/],
    [['add', 'arXiv:1706.03762', '--section', 'Nowhere', 'list.md'], /no heading "Nowhere"; the headings are "A Survey about Alignment Goals"/],
  ];
  for (const [args, message] of cases) {
    const result = await runHere(args.map((arg) => (arg === 'list.md' ? join(dir, arg) : arg)), join(dir, 'cache'));
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, message);
  }
});

test('cli check --online: the reference list shows exactly the recorded differences', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  const result = await runHere(['check', '--online', '--format', 'json', join(dir, 'list.md')], join(dir, 'cache'));
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  const findings = JSON.parse(result.stdout) as { line: number; code: string; message: string }[];
  assert.deepEqual(
    findings.map((finding) => `${finding.line} ${finding.code} ${finding.message}`),
    expectedReferenceFindings,
  );
  // A second run is answered from the cache.
  const before = server.requests.length;
  await runHere(['check', '--online', join(dir, 'list.md')], join(dir, 'cache'));
  assert.equal(server.requests.length, before);
});

test('cli check: stylish output names each rule', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  const result = await runHere(['check', '--online', '--no-cache', join(dir, 'list.md')], join(dir, 'cache'));
  assert.match(result.stdout, /17:6 {5}warning {2}The title differs from arXiv's: "Self-Instruct: Aligning Language Models with Self-Generated Instructions"\. {2}metadata-title/);
  assert.match(result.stdout, /✖ 14 problems \(0 errors, 6 warnings, 8 info/);
});

test('network: without --online, and with paperList.online off, no socket is opened', async () => {
  const sockets: unknown[] = [];
  const listener = (message: unknown) => sockets.push(message);
  subscribe('net.client.socket', listener);
  try {
    const dir = folder();
    writeFileSync(join(dir, 'list.md'), reference);
    await runHere(['add', 'arXiv:2305.12345', 'doi:10.1145/3442188.3445922', 'https://openreview.net/forum?id=x', '--section', 'Human Instructions', join(dir, 'list.md')], join(dir, 'cache'));
    await runHere(['check', join(dir, 'list.md')], join(dir, 'cache'));
    assert.equal(createOnlineSources({ online: false, env: envFor(join(dir, 'cache')) }), undefined);
    assert.deepEqual(sockets, []);
    // The probe itself works: going online opens a socket to the local server.
    await runHere(['add', 'arXiv:1706.03762', '--section', 'Human Instructions', '--online', '--no-cache', join(dir, 'list.md')], join(dir, 'cache'));
    assert.ok(sockets.length >= 1, 'a socket is seen when online');
  } finally {
    unsubscribe('net.client.socket', listener);
  }
});

test('cli check: .paperlistrc.json turns an online rule off', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'list.md'), reference);
  writeFileSync(join(dir, '.paperlistrc.json'), '{"rules": {"preprint-published": "off", "metadata-year": "error"}}');
  const result = await runHere(['check', '--online', '--format', 'json', join(dir, 'list.md')], join(dir, 'cache'));
  const findings = JSON.parse(result.stdout) as { code: string; severity: string }[];
  assert.ok(findings.length > 0);
  assert.ok(!findings.some((finding) => finding.code === 'preprint-published'));
  assert.deepEqual([...new Set(findings.filter((finding) => finding.code === 'metadata-year').map((finding) => finding.severity))], ['error']);
  assert.equal(result.status, 1);
});
