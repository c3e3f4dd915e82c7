import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createOnlineSources } from '../../server/src/node/onlineSources';
import { startOnlineServer, type OnlineTestServer } from '../helpers/onlineServer';

// Alone in its file: the proxy's tunnels are the last thing this process does.
let server: OnlineTestServer;
before(async () => {
  server = await startOnlineServer();
});
after(() => server.close());

/** A forward proxy on 127.0.0.1 that tunnels CONNECT requests and plain requests alike, and notes each. */
async function startProxy(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const tunnels = new Set<{ destroy(): void }>();
  const proxy: Server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(502).end();
  });
  proxy.on('connect', (request, client, head) => {
    seen.push(`CONNECT ${request.url}`);
    const [host, port] = (request.url ?? '').split(':');
    tunnels.add(client);
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        // Tunnels are sockets the server no longer tracks: they are ended here.
        for (const socket of tunnels) socket.destroy();
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

test('network: with HTTPS_PROXY or HTTP_PROXY set, requests go through the proxy', async () => {
  const proxy = await startProxy();
  try {
    const sources = createOnlineSources({ online: true, env: { HTTP_PROXY: proxy.url, PAPERLIST_ARXIV_URL: server.urls.arxiv } })!;
    const paper = await sources.fetchPaper({ source: 'arxiv', id: '2212.10560', url: 'https://arxiv.org/abs/2212.10560' });
    assert.equal(paper.authors[0], 'Yizhong Wang');
    assert.deepEqual(proxy.seen, [`CONNECT ${new URL(server.urls.arxiv).host}`]);
  } finally {
    await proxy.close();
  }
});

