import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseList } from '../../server/src/core/index';
import { checkOnlineResult, linkEntryResult, useOnlineSources } from '../../server/src/lsp/linkCommands';
import { DiskCache, nodeOnlineSources, proxiedFetch } from '../../server/src/node/onlineSources';
import { startOnlineServer, type OnlineTestServer } from '../helpers/onlineServer';

let server: OnlineTestServer;
before(async () => {
  server = await startOnlineServer();
  // What the Node server's environment gives the commands (server/src/node/nodeEnvironment.ts).
  useOnlineSources(nodeOnlineSources());
});
after(() => server.close());

test('network: without a proxy variable, Node\'s own fetch is used', async () => {
  const fetchLike = proxiedFetch({});
  const response = await fetchLike(`${server.urls.arxiv}/api/query?id_list=2212.10560`, { headers: {}, signal: new AbortController().signal });
  assert.equal(response.status, 200);
});

test('disk cache: answers are kept in files and dropped once expired', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'paperlist-cache-'));
  let now = 1_000_000;
  const cache = new DiskCache(folder, 1000, () => now);
  await cache.set('https://export.arxiv.org/api/query?id_list=1', '<feed/>');
  assert.equal(readdirSync(folder).filter((name) => name.endsWith('.json')).length, 1);
  assert.equal(await cache.get('https://export.arxiv.org/api/query?id_list=1'), '<feed/>');
  assert.equal(await cache.get('https://export.arxiv.org/api/query?id_list=2'), undefined);
  now += 1001;
  assert.equal(await cache.get('https://export.arxiv.org/api/query?id_list=1'), undefined);
  // A folder that cannot be made (its parent is a file) costs nothing but the cache.
  const file = join(folder, 'plain-file');
  writeFileSync(file, '');
  const broken = new DiskCache(join(file, 'cache'));
  await broken.set('x', 'y');
  assert.equal(await broken.get('x'), undefined);
});

const reference = '# List\n\n## Papers\n\n1. **A**. *Doe et al.* arXiv 2021. [[Paper](https://arxiv.org/abs/2101.00001)]\n2. **B**. *Roe et al.* arXiv 2020. [[Paper](https://arxiv.org/abs/2001.00001)]\n\n## Other\n';

test('server: the link entry for a section comes with its place, its snippet and the renumbering below', async () => {
  const list = parseList(reference);
  const result = await linkEntryResult(list, ['uri', 'https://arxiv.org/abs/2106.00001v3', 2]);
  assert.ok(result);
  // Newest first: a 2021 paper goes after the 2021 entry, before the 2020 one.
  assert.deepEqual([result.line, result.section, result.fetched, result.listed], [5, 'Papers', false, []]);
  assert.equal(result.snippet, '2. **${1:Title}**. *${2:Author et al.}* arXiv 2021. [[Paper](https://arxiv.org/abs/2106.00001)]$0\n');
  assert.deepEqual(result.renumber, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } }, newText: '3' }]);
});

test('server: a pasted link on an empty line gets the entry for that line; a listed paper is said', async () => {
  const list = parseList(reference);
  const result = await linkEntryResult(list, ['uri', 'arXiv:2101.00001', 6, null, 'here']);
  assert.ok(result);
  assert.equal(result.snippet, '3. **${1:Title}**. *${2:Author et al.}* arXiv 2021. [[Paper](https://arxiv.org/abs/2101.00001)]$0');
  assert.deepEqual(result.listed.map((place) => [place.line, place.by]), [[4, 'id']]);
  assert.equal(await linkEntryResult(list, ['uri', 'not a link', 6]), null);
});

test('server: online, a failure answers an error and no entry', async () => {
  process.env.PAPERLIST_ARXIV_URL = server.urls.arxiv;
  try {
    const list = parseList(reference);
    const result = await linkEntryResult(list, ['uri', 'arXiv:2401.99999', 2, { online: { cacheDir: '' } }]);
    assert.equal(result?.error, 'arXiv has no paper 2401.99999.');
    assert.equal(result?.snippet, '');
    const found = await linkEntryResult(list, ['uri', 'arXiv:1706.03762', 2, { online: {} }]);
    assert.equal(found?.fetched, true);
    assert.match(found?.snippet ?? '', /^3\. \*\*Attention Is All You Need\*\*\. \*Vaswani et al\.\* arXiv 2017\./);
  } finally {
    delete process.env.PAPERLIST_ARXIV_URL;
  }
});

test('server: the online check answers findings with their fixes, and nothing without online', async () => {
  process.env.PAPERLIST_ARXIV_URL = server.urls.arxiv;
  process.env.PAPERLIST_DBLP_URL = server.urls.dblp;
  try {
    const list = parseList('# P\n\n1. **Scaling instruction-finetuned language models**. *Chung et al.* arXiv 2021. [[Paper](https://arxiv.org/pdf/2210.11416.pdf)]\n');
    assert.equal(await checkOnlineResult(list, ['uri', {}]), null);
    const result = await checkOnlineResult(list, ['uri', { online: {} }]);
    assert.deepEqual(result?.problems, []);
    assert.deepEqual(
      result?.findings.map((finding) => [finding.code, finding.message, finding.fixes[0]?.edits[0]?.newText]),
      [['metadata-year', 'The year is 2021; arXiv says 2022.', '2022']],
    );
  } finally {
    delete process.env.PAPERLIST_ARXIV_URL;
    delete process.env.PAPERLIST_DBLP_URL;
  }
});
