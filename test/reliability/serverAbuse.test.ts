// The language server under abuse, over stdio through a real LSP client: malformed parameters, positions
// past the end, unknown and closed documents, a flood of edits, a close during analysis, cancelled
// requests, the size limit, and memory across open/close cycles. It must answer every request (with a
// result or an error) and stay up.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CancellationTokenSource, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, LineIndex } from '../../server/src/core/index';
import { serverPath, TestServer } from '../server/lspClient';
import { referenceList, seed, soak } from './generators';
import { tally } from './tally';

let server: TestServer;
const answerTimeout = 10_000;

before(async () => {
  server = await TestServer.start();
});

after(async () => {
  if (!server) return;
  const code = await Promise.race([server.stop(), new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 3000).unref())]);
  if (code === 'timeout') server.kill();
});

/** Sends a request and resolves with 'answer' or 'error', or 'timeout' when the server says nothing. */
async function ask(method: string, params: unknown, token?: CancellationTokenSource): Promise<'answer' | 'error' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), answerTimeout)));
  const request = (token ? server.connection.sendRequest(method, params, token.token) : server.connection.sendRequest(method, params)).then(
    () => 'answer' as const,
    () => 'error' as const,
  );
  const outcome = await Promise.race([request, timeout]);
  clearTimeout(timer);
  return outcome;
}

function assertAlive(): void {
  assert.equal(server.child.exitCode, null, `the server exited: ${server.logs.join('\n').slice(-2000)}`);
  assert.equal(server.child.signalCode, null);
  // A handler that throws is caught by the server's guard and logged as "... failed"; that is a crash too.
  const crashes = server.logs.filter((log) => /uncaught error|unhandled rejection|paperlist: .* failed/.test(log));
  tally.crashes += crashes.length;
  assert.deepEqual(crashes, []);
}

/** A document's diagnostics as comparable rows. */
const row = (diagnostic: Diagnostic) =>
  `${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.code} ${diagnostic.message}`;

/** What the core finds in a text, as the server would publish it for an untitled document with default settings. */
function expectedRows(text: string): string[] {
  const { findings } = lintText(text);
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const start = lines.positionAt(finding.span.start);
    const end = lines.positionAt(finding.span.end);
    return `${start.line}:${start.character}-${end.line}:${end.character} ${finding.code} ${finding.message}`;
  });
}

const requestMethods = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/codeAction',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/references',
  'textDocument/documentHighlight',
  'paperList/outline',
];

test('reliability: server answers every request with malformed parameters and stays up', async () => {
  const uri = 'untitled:abuse-params.md';
  await server.open(uri, referenceList, 1);
  await server.diagnostics(uri, 1);
  const textDocument = { uri };
  const paramVariants: unknown[] = [
    null,
    undefined,
    {},
    [],
    42,
    'text',
    { textDocument: null },
    { textDocument: { uri: 5 } },
    { textDocument: { uri: {} }, position: { line: 0, character: 0 } },
    { textDocument, position: null },
    { textDocument, position: { line: 'x', character: {} } },
    { textDocument, position: { line: 1e9, character: 1e9 } },
    { textDocument, position: { line: 10, character: 1e9 } },
    { textDocument, position: { line: -1, character: -5 } },
    { textDocument, position: { line: 1.5, character: Number.NaN } },
    { textDocument, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } },
    { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 1e9, character: 0 } }, context: 'x' },
    { textDocument, range: null, context: { diagnostics: null, only: 'quickfix' } },
    { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [{ data: 'x' }], only: [5] } },
    { textDocument, position: { line: 3, character: 2 }, context: { includeDeclaration: 'yes', triggerKind: 99 } },
    { textDocument: { uri: 'file:///nowhere/unknown.md' }, position: { line: 0, character: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    { textDocument: { uri: 'untitled:abuse-params.md'.repeat(1000) }, position: { line: 0, character: 0 } },
  ];
  const outcomes = { answer: 0, error: 0, timeout: 0 };
  for (const method of requestMethods) {
    for (const params of paramVariants) {
      tally.inputs++;
      const outcome = await ask(method, params);
      outcomes[outcome]++;
      assert.notEqual(outcome, 'timeout', `${method} ${JSON.stringify(params)} got no answer`);
    }
  }
  assert.equal(await ask('paperList/noSuchRequest', {}), 'error');
  assert.equal(await ask('workspace/executeCommand', { command: 'paperList.nothing', arguments: [null] }), 'error');
  // Malformed notifications have no answer; the server must shrug them off.
  const notifications: [string, unknown][] = [
    ['textDocument/didOpen', null],
    ['textDocument/didOpen', { textDocument: { uri: 'untitled:x.md' } }],
    ['textDocument/didChange', { textDocument: { uri: 'untitled:never-opened.md', version: 2 }, contentChanges: [{ text: 'x' }] }],
    ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1e6, character: 0 }, end: { line: 1e6 + 1, character: 5 } }, text: '\nx' }] }],
    ['textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: null }],
    ['textDocument/didOpen', { textDocument: { uri: 'untitled:number.md', languageId: 'markdown', version: 1, text: 42 } }],
    ['textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: null }] }],
    ['textDocument/didChange', { textDocument: { uri, version: 'five' }, contentChanges: [{ text: 7 }] }],
    ['textDocument/didClose', { textDocument: { uri: 'untitled:never-opened.md' } }],
    ['textDocument/didClose', null],
    ['workspace/didChangeConfiguration', { settings: { paperList: { rules: 'all', maxFileSize: -1, files: [null] } } }],
    ['workspace/didChangeWatchedFiles', { changes: [null, { uri: 5 }] }],
    ['$/setTrace', { value: 'nonsense' }],
  ];
  for (const [method, params] of notifications) await server.connection.sendNotification(method, params);
  assert.equal(await ask('textDocument/hover', { textDocument, position: { line: 0, character: 0 } }), 'answer');
  console.log(`# server abuse: ${requestMethods.length * paramVariants.length} malformed requests: ${outcomes.answer} answered, ${outcomes.error} errors, ${outcomes.timeout} unanswered`);
  await server.close(uri);
  assertAlive();
});

test('reliability: server answers requests for unknown and closed documents', async () => {
  const uri = 'untitled:abuse-closed.md';
  await server.open(uri, referenceList, 1);
  await server.diagnostics(uri, 1);
  await server.close(uri);
  for (const target of [uri, 'untitled:never-opened.md', 'file:///etc/passwd', 'http://example.org/x.md', '']) {
    for (const method of requestMethods) {
      const outcome = await ask(method, {
        textDocument: { uri: target },
        position: { line: 3, character: 3 },
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
        context: { diagnostics: [], includeDeclaration: true },
      });
      assert.notEqual(outcome, 'timeout', `${method} on ${target}`);
    }
  }
  assertAlive();
});

/** A small deterministic generator, so that the edit flood is the same on every run. */
function random(state: number): () => number {
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

test('reliability: server: after 1,000 edits sent as fast as possible the diagnostics match the final text', async () => {
  const uri = 'untitled:abuse-flood.md';
  const count = soak ? 10_000 : 1_000;
  await server.open(uri, referenceList, 1);
  await server.diagnostics(uri, 1);
  const next = random(seed);
  let document = TextDocument.create(uri, 'markdown', 1, referenceList);
  const pieces = ['x', '', '\n', '[', ']', '*', '**', '1. ', '\n3. **New paper**. *Doe et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00001)]\n', 'é', '😀'];
  const sent: Promise<void>[] = [];
  for (let version = 2; version <= count + 1; version++) {
    const text = document.getText();
    const start = Math.floor(next() * text.length);
    const end = Math.min(text.length, start + Math.floor(next() * 4));
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    const change = { range, text: pieces[Math.floor(next() * pieces.length)] };
    document = TextDocument.update(document, [change], version);
    sent.push(server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] }));
    tally.edits++;
  }
  await Promise.all(sent);
  const diagnostics = await server.diagnostics(uri, count + 1);
  const lintCount = server.published.filter((params) => params.uri === uri).length;
  console.log(`# server abuse: ${count} edits in a burst were linted ${lintCount - 1} time(s); the last publish is for version ${count + 1}`);
  assert.deepEqual(diagnostics.map(row), expectedRows(document.getText()));
  await server.close(uri);
  assertAlive();
});

test('reliability: server: a document closed while it is analysed leaves no diagnostics behind', async () => {
  const uri = 'untitled:abuse-close-during-lint.md';
  // Large enough that its lint takes a while, small enough to stay under the size limit.
  const text = Array.from({ length: 30 }, (_, copy) => referenceList.replace(/\*\*([^*\n]+)\*\*/g, `**$1 ${copy}**`)).join('\n');
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await new Promise((done) => setTimeout(done, 30));
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  // A request after the close is answered only once the server is done with what came before it.
  assert.equal(await ask('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), 'answer');
  await new Promise((done) => setTimeout(done, 200));
  const last = server.published.filter((params) => params.uri === uri).pop();
  assert.ok(!last || last.diagnostics.length === 0, `the closed document still shows ${last?.diagnostics.length} diagnostics`);
  assertAlive();
});

test('reliability: server: cancelled requests are answered or refused, and the server carries on', async () => {
  const uri = 'untitled:abuse-cancel.md';
  await server.open(uri, referenceList, 1);
  await server.diagnostics(uri, 1);
  const outcomes: string[] = [];
  for (const method of requestMethods) {
    const source = new CancellationTokenSource();
    const pending = ask(method, { textDocument: { uri }, position: { line: 40, character: 5 }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.paperlist'] } }, source);
    source.cancel();
    outcomes.push(await pending);
  }
  // A cancel for a request id that never existed, and one sent twice.
  await server.connection.sendNotification('$/cancelRequest', { id: 987654 });
  await server.connection.sendNotification('$/cancelRequest', { id: null });
  assert.ok(!outcomes.includes('timeout'), outcomes.join());
  assert.equal(await ask(HoverRequest.method, { textDocument: { uri }, position: { line: 40, character: 5 } }), 'answer');
  await server.close(uri);
  assertAlive();
});

/** The resident set size of the server process, in MB. */
function residentMegabytes(target: TestServer): number {
  const status = readFileSync(`/proc/${target.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

test('reliability: server: memory does not grow across 50 open/close cycles of the reference list', { skip: process.platform !== 'linux' && 'needs /proc' }, async () => {
  // A server of its own with a capped heap: V8 then collects garbage before it grows, so the resident
  // size measures what is kept rather than when the collector last ran, and a leak ends in a crash.
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${saved ?? ''} --max-old-space-size=128`.trim();
  const measured = await TestServer.start().finally(() => {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  });
  try {
    const cycles = soak ? 500 : 50;
    const samples: number[] = [];
    for (let cycle = 1; cycle <= cycles; cycle++) {
      // A new URI each time, so that anything kept per document would pile up.
      const uri = `untitled:abuse-memory-${cycle}.md`;
      const text = referenceList.replace('# ', `# Cycle ${cycle} `);
      await measured.open(uri, text, 1);
      await measured.diagnostics(uri, 1);
      const cleared = measured.nextDiagnostics(uri);
      await measured.close(uri);
      await cleared;
      samples.push(residentMegabytes(measured));
    }
    // The median of five cycles after warming up against the median of the last five: a leak grows steadily.
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const early = median(samples.slice(15, 20));
    const late = median(samples.slice(-5));
    const growth = late - early;
    console.log(`# server abuse: VmRSS around cycle 18 ${early.toFixed(1)} MB, around cycle ${cycles - 2} ${late.toFixed(1)} MB (growth ${growth.toFixed(1)} MB)`);
    assert.equal(measured.child.exitCode, null, 'the server with a 128 MB heap exited');
    assert.ok(growth < 30, `the server grew by ${growth.toFixed(1)} MB over ${cycles - 20} open/close cycles`);
  } finally {
    await Promise.race([measured.stop(), new Promise((done) => setTimeout(done, 3000).unref())]);
    measured.kill();
  }
});

test('reliability: server: a document over paperList.maxFileSize gets one information diagnostic instead of an analysis', async () => {
  const limited = await TestServer.start({ maxFileSize: 10_000 });
  try {
    const uri = 'untitled:abuse-too-large.md';
    await limited.open(uri, referenceList, 1);
    const diagnostics = await limited.diagnostics(uri, 1);
    assert.equal(diagnostics.length, 1);
    const [notice] = diagnostics;
    assert.equal(notice.severity, 3, 'information');
    assert.equal(notice.code, 'max-file-size');
    assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: referenceList.indexOf('\n') } });
    assert.equal(
      notice.message,
      `This file has ${referenceList.length.toLocaleString('en-US')} characters, more than the paperList.maxFileSize limit of 10,000, so paperlist does not lint it; raise "paperList.maxFileSize" in the settings to lint it.`,
    );
    // Features answer nothing for it, and shrinking the file under the limit brings the analysis back.
    let answered: unknown;
    answered = await limited.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(answered === null || (Array.isArray(answered) && answered.length === 0));
    const small = referenceList.slice(0, 9_000);
    await limited.replace(uri, 2, small);
    const after = await limited.diagnostics(uri, 2);
    assert.deepEqual(after.map(row), expectedRows(small));
    assert.equal(limited.child.exitCode, null);
  } finally {
    await Promise.race([limited.stop(), new Promise((done) => setTimeout(done, 3000).unref())]);
    limited.kill();
  }
});

test('reliability: server: raw JSON-RPC with positional, scalar and broken parameters gets an answer per request', async () => {
  // The LSP client library refuses to send such parameters, so these frames are written by hand.
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const answers = new Map<number, { result?: unknown; error?: { code: number } }>();
  let buffer = Buffer.alloc(0);
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())![1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (typeof message.id === 'number' && !message.method) answers.set(message.id, message);
      // Answer the server's own requests (configuration, registration) so that it does not wait.
      if (message.method && message.id !== undefined) frame({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
    }
  });
  const frame = (message: unknown) => {
    const body = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message));
    child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin!.write(body);
  };
  const waitFor = async (id: number) => {
    for (let waited = 0; waited < answerTimeout && !answers.has(id); waited += 20) await new Promise((done) => setTimeout(done, 20));
    return answers.get(id);
  };
  try {
    frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    assert.ok((await waitFor(1))?.result, 'initialize');
    frame({ jsonrpc: '2.0', method: 'initialized', params: {} });
    frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:raw.md', languageId: 'markdown', version: 1, text: referenceList } } });
    const bad = [null, 42, 'text', [], [{ textDocument: { uri: 'untitled:raw.md' } }], { textDocument: 'untitled:raw.md' }, true];
    let id = 100;
    const ids: number[] = [];
    for (const method of requestMethods) {
      for (const params of bad) {
        frame({ jsonrpc: '2.0', id, method, params });
        ids.push(id++);
      }
    }
    // A body that is not JSON, a message without a method, and a request without an id.
    frame('{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {');
    frame({ jsonrpc: '2.0', id: 8 });
    frame({ jsonrpc: '2.0', method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:raw.md' }, position: { line: 0, character: 0 } } });
    frame({ jsonrpc: '2.0', id: 9, method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:raw.md' }, position: { line: 0, character: 0 } } });
    for (const requestId of ids) {
      tally.inputs++;
      assert.ok(await waitFor(requestId), `request ${requestId} got no answer`);
    }
    assert.ok(await waitFor(9), 'a good request after the broken frames got no answer');
    assert.equal(child.exitCode, null, 'the server exited');
    const answered = ids.map((requestId) => answers.get(requestId)!);
    console.log(`# server abuse: ${ids.length} raw requests with bad parameters: ${answered.filter((answer) => answer.error).length} errors, ${answered.filter((answer) => !answer.error).length} answers`);
  } finally {
    child.kill();
  }
});
