// The Node side of the online features: a fetch that honours HTTPS_PROXY, an on-disk cache with an expiry,
// and the base URLs from the environment. Nothing here runs unless the user asked to go online.
//
// Node's built-in fetch ignores HTTPS_PROXY. undici (the library Node's fetch is built on, kept by the
// Node.js project) has EnvHttpProxyAgent, which reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY as curl does;
// version 6 is the line that supports Node 20.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, FetchLike, ResponseCache } from '../core/online/httpClient';
import { MetadataSources, type SourceUrls } from '../core/online/sources';

/** Answers stay fresh for a week: titles and authors rarely change, and a preprint's venue is looked up again after that. */
export const cacheExpiryMs = 7 * 24 * 60 * 60 * 1000;

/** The environment variables that point each source elsewhere, for tests and mirrors. */
export const sourceUrlVariables: Record<keyof SourceUrls, string> = {
  arxiv: 'PAPERLIST_ARXIV_URL',
  crossref: 'PAPERLIST_CROSSREF_URL',
  openreview: 'PAPERLIST_OPENREVIEW_URL',
  acl: 'PAPERLIST_ACL_URL',
  dblp: 'PAPERLIST_DBLP_URL',
};

export function sourceUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<SourceUrls> {
  const urls: Partial<SourceUrls> = {};
  for (const [key, name] of Object.entries(sourceUrlVariables) as [keyof SourceUrls, string][]) if (env[name]) urls[key] = env[name];
  return urls;
}

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** A fetch that goes through the proxy the environment names, or Node's own fetch when it names none. */
export function proxiedFetch(env: NodeJS.ProcessEnv = process.env): FetchLike {
  if (!proxyVariables.some((name) => env[name])) return (url, init) => fetch(url, init);
  // HTTPS_PROXY serves https URLs and HTTP_PROXY http ones, each falling back to the other, as curl does.
  const https = env.HTTPS_PROXY || env.https_proxy;
  const http = env.HTTP_PROXY || env.http_proxy;
  // undici is loaded on the first request through a proxy: it is a megabyte that every other run of the
  // CLI and the server would otherwise load at start.
  const ready = import('undici').then(({ EnvHttpProxyAgent, fetch: undiciFetch }) => ({
    undiciFetch,
    dispatcher: new EnvHttpProxyAgent({ httpsProxy: https || http, httpProxy: http || https, noProxy: env.NO_PROXY ?? env.no_proxy ?? '' }),
  }));
  return async (url, init) => {
    const { undiciFetch, dispatcher } = await ready;
    return undiciFetch(url, { ...init, dispatcher }) as unknown as Response;
  };
}

export { defaultCacheDir } from './cacheDir';

/** One JSON file per URL, named by its SHA-256, dropped when older than the expiry. */
export class DiskCache implements ResponseCache {
  constructor(
    readonly folder: string,
    private readonly expiryMs = cacheExpiryMs,
    private readonly now: () => number = Date.now,
  ) {}

  private fileOf(key: string): string {
    return join(this.folder, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const stored = JSON.parse(readFileSync(this.fileOf(key), 'utf8')) as { key?: string; storedAt?: number; body?: string };
      if (stored.key !== key || typeof stored.body !== 'string' || typeof stored.storedAt !== 'number') return undefined;
      return this.now() - stored.storedAt <= this.expiryMs ? stored.body : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, body: string): Promise<void> {
    try {
      mkdirSync(this.folder, { recursive: true });
      const file = this.fileOf(key);
      // Written aside and renamed, so that a reader never sees half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ key, storedAt: this.now(), body }));
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written only costs a request next time.
    }
  }
}

export interface OnlineSourcesOptions {
  /** Whether the user asked to go online; without it there are no sources and nothing connects. */
  online: boolean;
  /** The cache folder, or undefined for no cache. */
  cacheDir?: string;
  mailto?: string;
  env?: NodeJS.ProcessEnv;
  fetch?: FetchLike;
  /** The clock to wait on between requests; tests give one that does not wait. */
  clock?: Clock;
}

/** The metadata sources when the user asked to go online; undefined otherwise. */
export function createOnlineSources(options: OnlineSourcesOptions): MetadataSources | undefined {
  if (!options.online) return undefined;
  const env = options.env ?? process.env;
  return new MetadataSources({
    fetch: options.fetch ?? proxiedFetch(env),
    urls: sourceUrlsFromEnv(env),
    cache: options.cacheDir ? new DiskCache(options.cacheDir) : undefined,
    mailto: options.mailto || env.PAPERLIST_MAILTO || undefined,
    clock: options.clock,
  });
}

/**
 * The server's online sources on Node: made on first use and kept while the cache folder, the mailto and
 * the environment's base URLs stay the same, so their cache, request intervals and proxy live on.
 */
export function nodeOnlineSources(): (online: { cacheDir?: string; mailto?: string }) => MetadataSources | undefined {
  let sources: { key: string; value: MetadataSources } | undefined;
  return (online) => {
    // The environment's base URLs are part of the key, so that a changed one is never bypassed.
    const key = JSON.stringify([online.cacheDir, online.mailto, sourceUrlsFromEnv()]);
    if (sources?.key !== key) {
      const value = createOnlineSources({ online: true, cacheDir: online.cacheDir, mailto: online.mailto });
      sources = value && { key, value };
    }
    return sources?.value;
  };
}
