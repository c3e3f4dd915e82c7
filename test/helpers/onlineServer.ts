// A local HTTP server on 127.0.0.1 that answers as arXiv, Crossref, OpenReview, the ACL Anthology and DBLP
// do, from the recorded answers in test/fixtures/online/. A few ids stand for failures:
//   arXiv 2401.00429: HTTP 429 with Retry-After: 2 on the first request, then the answer;
//   arXiv 2401.00503: HTTP 503 without Retry-After, once; arXiv 2401.00408: never answers;
//   arXiv 2401.00999: malformed XML; DOI 10.9999/malformed: malformed JSON; unknown ids: what the APIs say.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { SourceUrls } from '../../server/src/core/online/sources';
import { normaliseTitle } from '../../server/src/core/text';

const fixtures = resolve(__dirname, '../fixtures/online');
const read = (name: string): string => readFileSync(resolve(fixtures, name), 'utf8');

/** The recorded arXiv entries by id, and the feed around them. */
function arxivEntries(): { head: string; entries: Map<string, string> } {
  const feed = read('arxiv-feed.xml');
  const entries = new Map<string, string>();
  for (const match of feed.matchAll(/ {2}<entry>[\s\S]*?<\/entry>/g)) {
    const id = /<id>http:\/\/arxiv\.org\/abs\/(.+?)v\d+<\/id>/.exec(match[0])?.[1];
    if (id) entries.set(id, match[0]);
  }
  return { head: feed.slice(0, feed.indexOf('  <entry>')), entries };
}

export interface OnlineTestServer {
  urls: SourceUrls;
  /** Every path and query asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startOnlineServer(): Promise<OnlineTestServer> {
  const { head, entries } = arxivEntries();
  const dblp = JSON.parse(read('dblp-search.json')) as Record<string, unknown>;
  const dblpByTitle = new Map(Object.entries(dblp).map(([title, answer]) => [normaliseTitle(title), answer]));
  const requests: string[] = [];
  const failedOnce = new Set<string>();
  const hanging = new Set<ServerResponse>();

  const send = (response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void => {
    // Each answer closes its connection, so that every request opens a socket the tests can see.
    response.writeHead(status, { 'Content-Type': type, Connection: 'close', ...headers });
    response.end(body);
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const [, prefix, ...rest] = url.pathname.split('/');
    const path = rest.join('/');
    if (prefix === 'arxiv' && path === 'api/query') {
      const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
      for (const [id, status, headers] of [['2401.00429', 429, { 'Retry-After': '2' }], ['2401.00503', 503, {}]] as const) {
        if (ids.includes(id) && !failedOnce.has(id)) {
          failedOnce.add(id);
          return send(response, status, 'text/plain', 'Rate exceeded.', headers);
        }
      }
      if (ids.includes('2401.00408')) {
        hanging.add(response);
        return;
      }
      if (ids.includes('2401.00999')) return send(response, 200, 'application/atom+xml', `${head}  <entry><id>http://arxiv.org/abs/2401.00999v1</id><title>Broken`);
      const found = ids.map((id) => entries.get(id) ?? (/^2401\.004(29|03)$/.test(id) ? entries.get('1706.03762') : undefined)).filter((entry): entry is string => Boolean(entry));
      return send(response, 200, 'application/atom+xml; charset=utf-8', `${head}${found.join('\n')}\n</feed>\n`);
    }
    if (prefix === 'crossref' && rest[0] === 'works') {
      const doi = decodeURIComponent(rest.slice(1).join('/')).toLowerCase();
      if (doi === '10.9999/malformed') return send(response, 200, 'application/json', '{"status":"ok","message":{"title":[');
      try {
        return send(response, 200, 'application/json', read(`crossref-${doi.replace(/\//g, '_')}.json`));
      } catch {
        return send(response, 404, 'text/plain', 'Resource not found.');
      }
    }
    if (prefix === 'openreview' && path === 'notes') {
      const id = url.searchParams.get('id') ?? '';
      try {
        return send(response, 200, 'application/json', read(`openreview-${id.replace(/[^\w-]/g, '')}.json`));
      } catch {
        return send(response, 200, 'application/json', '{"notes":[],"count":0}');
      }
    }
    if (prefix === 'acl' && path.endsWith('.bib')) {
      try {
        return send(response, 200, 'text/plain; charset=utf-8', read(`acl-${path.replace(/[^\w.-]/g, '')}`));
      } catch {
        return send(response, 404, 'text/html', '<html><body>Not found</body></html>');
      }
    }
    if (prefix === 'dblp' && path === 'search/publ/api') {
      const answer = dblpByTitle.get(normaliseTitle(url.searchParams.get('q') ?? ''));
      const empty = { result: { query: url.searchParams.get('q'), status: { '@code': '200', text: 'OK' }, hits: { '@total': '0', '@computed': '0', '@sent': '0', '@first': '0' } } };
      return send(response, 200, 'application/json', JSON.stringify(answer ?? empty));
    }
    send(response, 404, 'text/plain', 'Not found.');
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: { arxiv: `${base}/arxiv`, crossref: `${base}/crossref`, openreview: `${base}/openreview`, acl: `${base}/acl`, dblp: `${base}/dblp` },
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
