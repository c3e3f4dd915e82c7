import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { applyEdits, parseList } from '../../../server/src/core/index';
import { fetchAnswers, metadataFindings } from '../../../server/src/core/online/metadataCheck';
import { MetadataSources } from '../../../server/src/core/online/sources';
import { FakeClock } from '../../helpers/fakeClock';
import { startOnlineServer, type OnlineTestServer } from '../../helpers/onlineServer';
import { expectedReferenceFindings } from '../../helpers/referenceFindings';

const reference = readFileSync(resolve(__dirname, '../../fixtures/alignment-survey.md'), 'utf8');
let server: OnlineTestServer;
before(async () => {
  server = await startOnlineServer();
});
after(() => server.close());

async function check(text: string) {
  const list = parseList(text);
  const sources = new MetadataSources({ fetch, urls: server.urls, clock: new FakeClock() });
  const answers = await fetchAnswers(list, sources);
  const findings = metadataFindings(list, answers);
  return { list, answers, findings, lines: findings.map((finding) => `${list.lines.positionAt(finding.span.start).line + 1} ${finding.code} ${finding.message}`) };
}

test('metadata check: the reference list shows exactly the recorded differences, and no failure', async () => {
  const { answers, lines } = await check(reference);
  assert.deepEqual(answers.problems, []);
  assert.deepEqual(lines, expectedReferenceFindings);
});

test('metadata check: arXiv is asked once for all the papers of the list', async () => {
  const before = server.requests.length;
  await check(reference);
  assert.equal(server.requests.slice(before).filter((request) => request.startsWith('/arxiv/')).length, 1);
});

test('metadata check: the preprint-published fix writes venue and year in place, and the entry then passes', async () => {
  const { list, findings } = await check(reference);
  const published = findings.find((finding) => finding.code === 'preprint-published' && list.lines.positionAt(finding.span.start).line === 15)!;
  const fixed = applyEdits(reference, published.fixes[0].edits);
  assert.match(fixed.split('\n')[15], /\*Honovich et al\.\* ACL 2023\. \[\[Paper\]/);
  const again = await check(fixed);
  assert.ok(!again.lines.some((line) => line.startsWith('16 ')), again.lines.join('\n'));
});

test('metadata check: an id the source does not know is a problem, not a finding', async () => {
  const { answers, findings } = await check('# P\n\n1. **A paper**. *Doe et al.* arXiv 2024. [[Paper](https://arxiv.org/abs/2401.99999)]\n2. **B paper**. *Doe et al.* 2024. [[Paper](https://doi.org/10.9999/unknown)]\n3. **C**. *Doe.* arXiv 2024.\n');
  assert.deepEqual(findings, []);
  assert.deepEqual(answers.problems, ['arXiv has no paper 2401.99999.', 'DOI 10.9999/unknown: 127.0.0.1:' + new URL(server.urls.crossref).port + ' has no such paper (HTTP 404).']);
});
