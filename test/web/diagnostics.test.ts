// The browser build of the language server reports what the CLI reports: same lines, columns, codes and
// messages, with the linked files' existence asked of the client rather than read from disk.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ConfigurationRequest, DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { FilesExistRequest } from '../../server/src/shared/protocol';
import { startWebServer, webServerPath, type WebServer } from './webServer';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist', 'cli.js');
const lists = [
  join(root, 'test', 'fixtures', 'alignment-survey.md'),
  // Many relative links, most of them to files that are not there: file-missing goes through the client.
  join(root, 'test', 'fixtures', 'corpus', 'horseee__Awesome-Efficient-LLM.md'),
  join(root, 'test', 'fixtures', 'corpus', 'xialeiliu__Awesome-Incremental-Learning.md'),
];

let server: WebServer;

before(async () => {
  assert.ok(existsSync(webServerPath), `${webServerPath} is built (npm run build)`);
  server = await startWebServer();
});

after(async () => {
  await server?.close();
});

interface CliFinding {
  line: number;
  column: number;
  code: string;
  message: string;
}

function cliFindings(path: string): string[] {
  const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', path], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `the CLI ran on ${path}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as CliFinding[]).map((finding) => `${finding.line}:${finding.column} ${finding.code} ${finding.message}`).sort();
}

const serverFindings = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.code} ${diagnostic.message}`).sort();

for (const path of lists) {
  test(`web server: the diagnostics of ${path.slice(root.length + 1)} equal the CLI's findings`, async () => {
    const expected = cliFindings(path);
    const diagnostics = await server.diagnosticsOf(path);
    assert.ok(expected.length > 0, 'the list has findings to compare');
    assert.deepEqual(serverFindings(diagnostics), expected);
  });
}

test('web server: linked files and the config file are asked of the client', () => {
  assert.ok(server.requests.includes('paperList/configFile'));
  assert.ok(server.requests.includes('paperList/filesExist'));
});

test('web server: settings that change while linked files are asked about still end in the full diagnostics', async () => {
  // The client answers the linked-file question only after the server, reloading the changed settings,
  // has read them again and parsed the list anew: the first lint is then stale, and its (empty) findings
  // must not be published in place of the new lint's. This once left the Problems panel empty.
  let configurations = 0;
  let releaseSecondConfiguration: () => void = () => undefined;
  const secondConfigurationAnswered = new Promise<void>((resolve) => {
    releaseSecondConfiguration = resolve;
  });
  const raced = await startWebServer({
    capabilities: { workspace: { configuration: true } },
    setup(connection) {
      connection.onRequest(ConfigurationRequest.type, (params) => {
        configurations++;
        if (configurations === 1) void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { paperList: {} } });
        if (configurations === 2) setImmediate(releaseSecondConfiguration);
        return params.items.map(() => ({}));
      });
      connection.onRequest(FilesExistRequest.type, async ({ uri, paths }) => {
        await secondConfigurationAnswered;
        const folder = new URL('.', uri);
        return paths.map((path) => existsSync(new URL(path, folder)));
      });
    },
  });
  try {
    const diagnostics = await raced.diagnosticsOf(lists[0]);
    assert.deepEqual(serverFindings(diagnostics), cliFindings(lists[0]));
  } finally {
    await raced.close();
  }
});
