// The one way paperlist reaches the network: polite GET requests through a fetch function the caller
// gives (Node's, undici's with a proxy, or a browser's), with a timeout, a minimum interval per host,
// retries with backoff on 429 and 503 that honour Retry-After, and a cache of answers.

/** The part of a fetch Response the client reads. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `fetch` the client calls; Node's, undici's and a browser's all fit. */
export type FetchLike = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<FetchResponse>;

/** Answers kept between runs, by URL; the implementation decides how long they stay fresh. */
export interface ResponseCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** What went wrong, in words a user can act on; `kind` tells callers which. */
export type OnlineErrorKind = 'offline' | 'timeout' | 'not-found' | 'rate-limited' | 'bad-response';

export class OnlineError extends Error {
  constructor(
    readonly kind: OnlineErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'OnlineError';
  }
}

/** The clock the client waits on; tests give one that does not really wait. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface HttpClientOptions {
  fetch: FetchLike;
  cache?: ResponseCache;
  clock?: Clock;
  /** How long one request may take; 10 s unless given. */
  timeoutMs?: number;
  /** Tries per request on 429 and 503 and on network errors; 4 unless given. */
  attempts?: number;
  /** The longest wait a Retry-After may ask for before the client gives up; 60 s unless given. */
  maxRetryAfterMs?: number;
  /** The least time between two requests to one source (by the `source` of `getText`, else the host), such as 3000 for arXiv. */
  minIntervalMs?: Record<string, number>;
  userAgent?: string;
}

/** A Retry-After header in milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class HttpClient {
  private readonly clock: Clock;
  private readonly lastRequest = new Map<string, number>();
  /** Requests to one host run one after another, so that the interval between them holds. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** How many requests went out, for the tests and the CLI's summary. */
  requests = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.clock = options.clock ?? realClock;
  }

  /** The body of a GET answer with status 200; 404 and 410 are `not-found`; the cache is asked first. */
  async getText(url: string, what: string, source?: string): Promise<string> {
    const cached = await this.options.cache?.get(url).catch(() => undefined);
    if (cached !== undefined) return cached;
    const host = new URL(url).host;
    const key = source ?? host;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.fetchWithRetries(url, host, key, what));
    this.queues.set(key, run);
    const body = await run;
    await this.options.cache?.set(url, body).catch(() => undefined);
    return body;
  }

  private async waitForTurn(key: string): Promise<void> {
    const interval = this.options.minIntervalMs?.[key] ?? 0;
    const last = this.lastRequest.get(key);
    if (interval && last !== undefined) {
      const wait = last + interval - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
    }
    this.lastRequest.set(key, this.clock.now());
  }

  private async fetchWithRetries(url: string, host: string, key: string, what: string): Promise<string> {
    const attempts = this.options.attempts ?? 4;
    const timeout = this.options.timeoutMs ?? 10_000;
    let lastError: OnlineError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.waitForTurn(key);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeout);
      let response: FetchResponse;
      try {
        this.requests++;
        response = await this.options.fetch(url, { headers: { 'User-Agent': this.options.userAgent ?? 'paperlist', Accept: '*/*' }, signal: controller.signal });
        const body = response.status === 200 ? await response.text() : '';
        clearTimeout(timer);
        if (response.status === 200) return body;
      } catch (error) {
        clearTimeout(timer);
        lastError = controller.signal.aborted
          ? new OnlineError('timeout', `${what}: ${host} did not answer within ${Math.round(timeout / 1000)} s.`)
          : new OnlineError('offline', `${what}: could not reach ${host} (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}). Check the connection or the HTTPS_PROXY setting.`);
        if (attempt < attempts) await this.clock.sleep(backoff(attempt));
        continue;
      }
      if (response.status === 404 || response.status === 410) throw new OnlineError('not-found', `${what}: ${host} has no such paper (HTTP ${response.status}).`);
      if (response.status !== 429 && response.status !== 503) throw new OnlineError('bad-response', `${what}: ${host} answered HTTP ${response.status}.`);
      const asked = retryAfterMs(response.headers.get('Retry-After'), this.clock.now());
      lastError = new OnlineError('rate-limited', `${what}: ${host} is busy or limiting requests (HTTP ${response.status}${asked !== undefined ? `, retry after ${Math.ceil(asked / 1000)} s` : ''}); try again later.`);
      if (asked !== undefined && asked > (this.options.maxRetryAfterMs ?? 60_000)) break;
      if (attempt < attempts) await this.clock.sleep(asked ?? backoff(attempt));
    }
    throw lastError ?? new OnlineError('offline', `${what}: no answer from ${host}.`);
  }
}

/** 1 s, 2 s, 4 s … between tries when the server does not say how long to wait. */
const backoff = (attempt: number): number => 1000 * 2 ** (attempt - 1);
