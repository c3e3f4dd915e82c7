// A document that is not on disk (github.dev's vscode-vfs:, in a virtual workspace on the desktop): the
// Node server asks the client for its .paperlistrc.json and linked files, as the browser build does,
// when the client says it answers those requests.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ConfigFileRequest, FilesExistRequest } from '../../server/src/shared/protocol';
import { startServer } from './startServer';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'alignment-survey.md'), 'utf8');
const uri = 'vscode-vfs://github/paperlist/example/alignment-survey.md';

async function diagnosticsWith(initializationOptions: unknown): Promise<{ codes: string[]; asked: string[] }> {
  const asked: string[] = [];
  let resolvePublished: (params: PublishDiagnosticsParams) => void = () => undefined;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    resolvePublished = resolve;
  });
  const server = await startServer({
    workspace: {},
    initializationOptions,
    onDiagnostics: (params) => {
      if (params.uri === uri) resolvePublished(params);
    },
    beforeInitialize(connection) {
      connection.onRequest(ConfigFileRequest.type, (params) => {
        asked.push(`config ${params.uri}`);
        // Turns a rule off, so that the test sees that the file was used.
        return { uri: 'vscode-vfs://github/paperlist/example/.paperlistrc.json', text: '{"rules": {"author-format": "off"}}' };
      });
      connection.onRequest(FilesExistRequest.type, (params) => {
        asked.push(`exist ${params.paths.join(' ')}`);
        return params.paths.map(() => false);
      });
    },
  });
  try {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const params = await published;
    return { codes: params.diagnostics.map((diagnostic) => String(diagnostic.code)), asked };
  } finally {
    server.connection.dispose();
    server.child.kill();
  }
}

test('virtual workspace: the Node server reads a vscode-vfs document\'s config and linked files through the client', async () => {
  const { codes, asked } = await diagnosticsWith({ clientReadsFiles: true });
  assert.deepEqual(asked, [`config ${uri}`, 'exist paper_tree.png']);
  assert.ok(codes.includes('file-missing'), 'the missing image is reported');
  assert.ok(!codes.includes('author-format'), 'the config from the client turned author-format off');
});

test('virtual workspace: a client that does not answer file requests is not asked', async () => {
  const { codes, asked } = await diagnosticsWith(undefined);
  assert.deepEqual(asked, []);
  assert.ok(!codes.includes('file-missing'));
  assert.ok(codes.includes('author-format'));
});
