import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OnlineError, type ResponseCache } from '../../../server/src/core/online/httpClient';
import { MetadataSources } from '../../../server/src/core/online/sources';
import { parsePaperLink } from '../../../server/src/core/paperLinks';
import { FakeClock } from '../../helpers/fakeClock';
import { startOnlineServer, type OnlineTestServer } from '../../helpers/onlineServer';

let server: OnlineTestServer;
before(async () => {
  server = await startOnlineServer();
});
after(() => server.close());

const sourcesWith = (clock = new FakeClock(), extra: Partial<ConstructorParameters<typeof MetadataSources>[0]> = {}) =>
  new MetadataSources({ fetch, urls: server.urls, clock, mailto: 'lists@example.org', ...extra });

async function failure(promise: Promise<unknown>): Promise<OnlineError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OnlineError, String(error));
    return error;
  }
  assert.fail('expected a failure');
}

test('online: an arXiv record gives title, authors, date and venue', async () => {
  const paper = await sourcesWith().fetchPaper(parsePaperLink('https://arxiv.org/pdf/2212.10560v2.pdf')!);
  assert.equal(paper.title, 'Self-Instruct: Aligning Language Models with Self-Generated Instructions');
  assert.equal(paper.authors[0], 'Yizhong Wang');
  assert.equal(paper.firstSurname, 'Wang');
  assert.deepEqual([paper.year, paper.month, paper.venue], [2022, 12, 'arXiv']);
});

test('online: an old-style arXiv id and its journal reference and DOI', async () => {
  const paper = await sourcesWith().fetchPaper(parsePaperLink('arXiv:hep-th/9711200')!);
  assert.equal(paper.title, 'The Large N Limit of Superconformal Field Theories and Supergravity');
  assert.equal(paper.journalRef, 'Adv.Theor.Math.Phys.2:231-252,1998');
  assert.equal(paper.doi, '10.1023/A:1026654312961');
});

test('online: many arXiv ids go in one request, and requests keep 3 s apart', async () => {
  const clock = new FakeClock();
  const sources = sourcesWith(clock);
  const before = server.requests.length;
  const found = await sources.fetchArxiv(['2212.10560', '2204.07705', '1706.03762', '2401.99999']);
  assert.deepEqual([...found.keys()].sort(), ['1706.03762', '2204.07705', '2212.10560']);
  assert.equal(server.requests.length - before, 1);
  await sources.fetchArxiv(['2106.09685']);
  assert.deepEqual(clock.sleeps, [3000]);
});

test('online: Crossref for a DOI, with the mailto and the event acronym as venue', async () => {
  const paper = await sourcesWith().fetchPaper(parsePaperLink('https://doi.org/10.1145/3442188.3445922')!);
  assert.equal(paper.title, 'On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜');
  assert.deepEqual([paper.firstSurname, paper.year, paper.month, paper.venue], ['Bender', 2021, 3, 'FAccT']);
  assert.ok(server.requests.some((request) => request.includes('mailto=lists%40example.org')));
});

test('online: OpenReview API v2 note gives venue and year', async () => {
  const paper = await sourcesWith().fetchPaper(parsePaperLink('https://openreview.net/pdf?id=gEZrGCozdqR')!);
  assert.equal(paper.title, 'Finetuned Language Models are Zero-Shot Learners');
  assert.deepEqual([paper.authors.length, paper.venue, paper.year], [9, 'ICLR', 2022]);
});

test('online: the ACL Anthology .bib page gives a short venue and the DOI', async () => {
  const paper = await sourcesWith().fetchPaper(parsePaperLink('https://aclanthology.org/2020.findings-emnlp.301.pdf')!);
  assert.equal(paper.title, 'RealToxicityPrompts: Evaluating Neural Toxic Degeneration in Language Models');
  assert.deepEqual([paper.firstSurname, paper.venue, paper.year, paper.doi], ['Gehman', 'Findings of EMNLP', 2020, '10.18653/v1/2020.findings-emnlp.301']);
});

test('online: DBLP tells where a preprint was published and skips CoRR', async () => {
  const sources = sourcesWith();
  assert.deepEqual(await sources.findPublication('Self-Instruct: Aligning Language Models with Self-Generated Instructions'), {
    venue: 'ACL',
    year: 2023,
    title: 'Self-Instruct: Aligning Language Models with Self-Generated Instructions',
    doi: '10.18653/V1/2023.ACL-LONG.754',
  });
  assert.equal((await sources.findPublication('Attention Is All You Need'))?.venue, 'NeurIPS');
  assert.equal(await sources.findPublication('A paper nobody published'), undefined);
});

test('online: 429 with Retry-After waits as long as asked, then succeeds', async () => {
  const clock = new FakeClock();
  const paper = await sourcesWith(clock).fetchArxiv(['2401.00429']);
  // The server answers the retry with a recorded paper, under its own id.
  assert.ok(paper.size === 0 || paper.size === 1);
  assert.ok(clock.sleeps.includes(2000), `slept ${clock.sleeps.join(', ')}`);
});

test('online: 503 without Retry-After backs off and retries', async () => {
  const clock = new FakeClock();
  await sourcesWith(clock).fetchArxiv(['2401.00503']);
  assert.ok(clock.sleeps.includes(1000), `slept ${clock.sleeps.join(', ')}`);
});

test('online: a server that never answers times out with a clear message', async () => {
  const error = await failure(sourcesWith(new FakeClock(), { timeoutMs: 200 }).fetchArxiv(['2401.00408']));
  assert.equal(error.kind, 'timeout');
  assert.match(error.message, /did not answer within/);
});

test('online: malformed XML and JSON are said to be so', async () => {
  const xml = await failure(sourcesWith().fetchArxiv(['2401.00999']));
  assert.equal(xml.kind, 'bad-response');
  assert.match(xml.message, /not valid XML/);
  const json = await failure(sourcesWith().fetchPaper(parsePaperLink('doi:10.9999/malformed')!));
  assert.equal(json.kind, 'bad-response');
  assert.match(json.message, /not valid JSON/);
});

test('online: unknown ids are not found, in every source', async () => {
  const sources = sourcesWith();
  for (const link of ['arXiv:2401.99999', 'doi:10.9999/unknown', 'https://openreview.net/forum?id=nope', '2099.acl-long.1']) {
    const error = await failure(sources.fetchPaper(parsePaperLink(link)!));
    assert.equal(error.kind, 'not-found', `${link}: ${error.message}`);
  }
});

test('online: a server that cannot be reached is said to be offline', async () => {
  const error = await failure(sourcesWith(new FakeClock(), { urls: { ...server.urls, arxiv: 'http://127.0.0.1:9' } }).fetchArxiv(['2212.10560']));
  assert.equal(error.kind, 'offline');
  assert.match(error.message, /could not reach 127\.0\.0\.1:9/);
});

test('online: the cache answers a second time without a request', async () => {
  const store = new Map<string, string>();
  const cache: ResponseCache = { get: async (key) => store.get(key), set: async (key, value) => void store.set(key, value) };
  const first = sourcesWith(new FakeClock(), { cache });
  await first.fetchArxiv(['2212.10560']);
  const second = sourcesWith(new FakeClock(), { cache });
  const found = await second.fetchArxiv(['2212.10560']);
  assert.equal(found.get('2212.10560')?.authors[0], 'Yizhong Wang');
  assert.equal(second.http.requests, 0);
});
