// The metadata sources: arXiv's export API, Crossref, OpenReview's API v2, the ACL Anthology's .bib pages
// and DBLP. Each turns one answer into `PaperMetadata`; every request goes through `HttpClient`.
//
// arXiv answers in Atom XML, read with fast-xml-parser (a small, maintained, dependency-light parser that
// runs in Node and in browsers) rather than with regular expressions.
import { XMLParser } from 'fast-xml-parser';
import { importBibtex } from '../features/bibtexImport';
import type { PaperMetadata } from '../features/linkEntry';
import { refKey, type PaperRef } from '../paperLinks';
import { normaliseTitle } from '../text';
import { HttpClient, OnlineError, type Clock, type FetchLike, type ResponseCache } from './httpClient';

/** Where each source lives; tests point these at a local server. */
export interface SourceUrls {
  arxiv: string;
  crossref: string;
  openreview: string;
  acl: string;
  dblp: string;
}

export const defaultSourceUrls: SourceUrls = {
  arxiv: 'https://export.arxiv.org',
  crossref: 'https://api.crossref.org',
  openreview: 'https://api2.openreview.net',
  acl: 'https://aclanthology.org',
  dblp: 'https://dblp.org',
};

/** What a source says about a paper, with what an arXiv record tells of where it was published. */
export interface FetchedPaper extends PaperMetadata {
  /** arXiv's `journal_ref`, when the authors gave one. */
  journalRef?: string;
}

/** Where a preprint was published, as DBLP lists it. */
export interface Publication {
  venue: string;
  year: number;
  title: string;
  doi?: string;
}

export interface MetadataSourcesOptions {
  fetch: FetchLike;
  urls?: Partial<SourceUrls>;
  cache?: ResponseCache;
  clock?: Clock;
  /** The address Crossref's polite pool asks for; sent as `mailto`. */
  mailto?: string;
  timeoutMs?: number;
}

/** arXiv asks for no more than one request every three seconds. */
export const arxivIntervalMs = 3000;
/** Ids per arXiv request when checking a list. */
export const arxivBatchSize = 100;
/** DBLP asks for restraint too; one search a second. */
export const dblpIntervalMs = 1000;

/** The URL without slashes at its end; a loop rather than a regular expression keeps this linear. */
function trimSlash(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
const oneLine = (text: unknown): string => (typeof text === 'string' || typeof text === 'number' ? String(text) : '').replace(/\s+/g, ' ').trim();
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The family name of `Given Family`: its last word, with a particle such as `van` kept. */
function surname(name: string): string | undefined {
  const words = name.trim().split(/\s+/);
  if (!words[0]) return undefined;
  let start = words.length - 1;
  while (start > 0 && /^(?:van|von|der|den|de|del|della|da|di|du|le|la|dos)$/i.test(words[start - 1])) start--;
  return words.slice(start).join(' ');
}

export class MetadataSources {
  readonly urls: SourceUrls;
  readonly http: HttpClient;
  private readonly xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, processEntities: true });

  constructor(private readonly options: MetadataSourcesOptions) {
    this.urls = { ...defaultSourceUrls, ...Object.fromEntries(Object.entries(options.urls ?? {}).filter(([, value]) => value)) } as SourceUrls;
    for (const key of Object.keys(this.urls) as (keyof SourceUrls)[]) this.urls[key] = trimSlash(this.urls[key]);
    this.http = new HttpClient({
      fetch: options.fetch,
      cache: options.cache,
      clock: options.clock,
      timeoutMs: options.timeoutMs,
      userAgent: `paperlist (https://github.com/paperlist/paperlist${options.mailto ? `; mailto:${options.mailto}` : ''})`,
      minIntervalMs: { arxiv: arxivIntervalMs, dblp: dblpIntervalMs },
    });
  }

  /** The metadata of one paper, from the source its link belongs to. */
  async fetchPaper(ref: PaperRef): Promise<FetchedPaper> {
    switch (ref.source) {
      case 'arxiv': {
        const found = (await this.fetchArxiv([ref.id])).get(ref.id);
        if (!found) throw new OnlineError('not-found', `arXiv has no paper ${ref.id}.`);
        return found;
      }
      case 'doi':
        return this.fetchCrossref(ref.id);
      case 'openreview':
        return this.fetchOpenReview(ref.id);
      case 'acl':
        return this.fetchAcl(ref.id);
      default:
        throw new OnlineError('not-found', `Metadata for ${ref.source === 'neurips' ? 'NeurIPS' : ref.source === 'pmlr' ? 'PMLR' : 'CVF'} pages is not fetched; use the paper's arXiv, DOI, OpenReview or ACL Anthology link.`);
    }
  }

  /** arXiv records by id (no version), many ids per request; ids arXiv does not know are left out. */
  async fetchArxiv(ids: readonly string[]): Promise<Map<string, FetchedPaper>> {
    const found = new Map<string, FetchedPaper>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += arxivBatchSize) {
      const batch = unique.slice(start, start + arxivBatchSize);
      const url = `${this.urls.arxiv}/api/query?id_list=${batch.map(encodeURIComponent).join(',')}&max_results=${batch.length}`;
      const what = batch.length === 1 ? `arXiv ${batch[0]}` : `arXiv (${batch.length} papers)`;
      const body = await this.http.getText(url, what, 'arxiv');
      for (const paper of this.parseArxiv(body, what)) if (paper.arxivId && batch.includes(paper.arxivId)) found.set(paper.arxivId, paper);
    }
    return found;
  }

  /** The papers of an arXiv Atom feed. */
  parseArxiv(body: string, what: string): FetchedPaper[] {
    let feed: { feed?: { entry?: unknown } };
    try {
      feed = this.xml.parse(body, true) as typeof feed;
    } catch (error) {
      throw new OnlineError('bad-response', `${what}: arXiv's answer is not valid XML (${(error as Error).message.split('\n')[0]}).`);
    }
    if (!feed?.feed || typeof feed.feed !== 'object') throw new OnlineError('bad-response', `${what}: arXiv's answer is not an Atom feed.`);
    const papers: FetchedPaper[] = [];
    for (const raw of asArray(feed.feed.entry as Record<string, unknown> | Record<string, unknown>[])) {
      if (!raw || typeof raw !== 'object') continue;
      const id = /arxiv\.org\/abs\/(.+?)(?:v\d+)?$/.exec(oneLine(raw.id))?.[1];
      const title = oneLine(raw.title);
      // An id arXiv does not know comes back as an entry titled "Error", or with no title.
      if (!id || !title || title === 'Error') continue;
      const authors = asArray(raw.author as { name?: unknown } | { name?: unknown }[]).map((author) => oneLine(author?.name)).filter(Boolean);
      const published = /^(\d{4})-(\d{2})/.exec(oneLine(raw.published));
      papers.push({
        title,
        authors,
        firstSurname: authors[0] ? surname(authors[0]) : undefined,
        year: published ? Number(published[1]) : undefined,
        month: published ? Number(published[2]) : undefined,
        venue: 'arXiv',
        arxivId: id,
        doi: oneLine(raw.doi) || undefined,
        journalRef: oneLine(raw.journal_ref) || undefined,
        url: `https://arxiv.org/abs/${id}`,
      });
    }
    return papers;
  }

  private parseJson(body: string, what: string, host: string): unknown {
    try {
      return JSON.parse(body);
    } catch {
      throw new OnlineError('bad-response', `${what}: ${host}'s answer is not valid JSON.`);
    }
  }

  async fetchCrossref(doi: string): Promise<FetchedPaper> {
    const what = `DOI ${doi}`;
    const mailto = this.options.mailto ? `?mailto=${encodeURIComponent(this.options.mailto)}` : '';
    const body = await this.http.getText(`${this.urls.crossref}/works/${encodeURIComponent(doi)}${mailto}`, what, 'crossref');
    const message = (this.parseJson(body, what, 'Crossref') as { message?: Record<string, unknown> })?.message;
    const subtitle = oneLine(asArray(message?.subtitle as string[])[0]);
    const main = oneLine(asArray(message?.title as string[])[0]);
    const title = main && subtitle && !/[:?!]$/.test(main) ? `${main}: ${subtitle}` : main;
    if (!message || !title) throw new OnlineError('bad-response', `${what}: Crossref's answer has no title.`);
    const people = asArray(message.author as { given?: string; family?: string; name?: string }[]);
    const authors = people.map((person) => oneLine(person.name ?? [person.given, person.family].filter(Boolean).join(' '))).filter(Boolean);
    const parts = ((message.issued ?? message.published ?? message['published-print'] ?? message['published-online']) as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
    // A conference paper's event acronym (`FAccT '21`) is what lists write; a journal's short title next.
    const acronym = oneLine((message.event as { acronym?: string } | undefined)?.acronym).replace(/'\d{2}$/, '').trimEnd();
    const container = acronym || oneLine(asArray(message['short-container-title'] as string[])[0]) || oneLine(asArray(message['container-title'] as string[])[0]);
    return {
      title,
      authors,
      firstSurname: oneLine(people[0]?.family) || (authors[0] ? surname(authors[0]) : undefined),
      year: typeof parts?.[0] === 'number' ? parts[0] : undefined,
      month: typeof parts?.[1] === 'number' ? parts[1] : undefined,
      venue: container || oneLine(message.publisher) || undefined,
      doi,
      url: `https://doi.org/${doi}`,
    };
  }

  async fetchOpenReview(id: string): Promise<FetchedPaper> {
    const what = `OpenReview ${id}`;
    const body = await this.http.getText(`${this.urls.openreview}/notes?id=${encodeURIComponent(id)}`, what, 'openreview');
    const note = asArray((this.parseJson(body, what, 'OpenReview') as { notes?: Record<string, unknown>[] })?.notes)[0];
    if (!note) throw new OnlineError('not-found', `OpenReview has no paper ${id}.`);
    const content = (note.content ?? {}) as Record<string, { value?: unknown } | undefined>;
    const title = oneLine(content.title?.value);
    if (!title) throw new OnlineError('bad-response', `${what}: OpenReview's answer has no title.`);
    const authors = asArray(content.authors?.value as string[]).map(oneLine).filter(Boolean);
    // `venue` reads like "ICLR 2023 poster"; a submission still under review says "Submitted to …".
    const venueText = oneLine(content.venue?.value);
    const venueName = venueText.startsWith('Submitted') ? undefined : /^[A-Za-z][\w&-]*/.exec(venueText)?.[0];
    const venueYearText = /\b(?:19|20)\d{2}\b/.exec(venueText)?.[0];
    const venueYear = venueName && venueYearText ? [venueText, venueName, venueYearText] : null;
    const date = typeof note.pdate === 'number' ? note.pdate : typeof note.cdate === 'number' ? note.cdate : undefined;
    return {
      title,
      authors,
      firstSurname: authors[0] ? surname(authors[0]) : undefined,
      year: venueYear ? Number(venueYear[2]) : date !== undefined ? new Date(date).getUTCFullYear() : undefined,
      venue: venueYear ? venueYear[1] : undefined,
      url: `https://openreview.net/forum?id=${id}`,
    };
  }

  async fetchAcl(id: string): Promise<FetchedPaper> {
    const what = `ACL Anthology ${id}`;
    const body = await this.http.getText(`${this.urls.acl}/${encodeURIComponent(id)}.bib`, what, 'acl');
    const record = importBibtex(body)[0];
    if (!record) throw new OnlineError('bad-response', `${what}: the Anthology's .bib page holds no BibTeX entry.`);
    const doi = /doi\s*=\s*["{]([^"}]+)/i.exec(body)?.[1];
    return {
      title: record.title.replace(/[{}]/g, ''),
      authors: record.authors,
      firstSurname: record.firstSurname,
      year: record.year,
      month: record.month,
      venue: shortVenue(record.venue),
      doi,
      url: `https://aclanthology.org/${id}/`,
    };
  }

  /** Where a preprint of that title was published, as DBLP lists it; undefined when only as a preprint. */
  async findPublication(title: string): Promise<Publication | undefined> {
    const what = `DBLP search for "${title.length > 60 ? `${title.slice(0, 57)}…` : title}"`;
    const body = await this.http.getText(`${this.urls.dblp}/search/publ/api?q=${encodeURIComponent(title)}&format=json&h=10`, what, 'dblp');
    const hits = asArray((this.parseJson(body, what, 'DBLP') as { result?: { hits?: { hit?: { info?: Record<string, unknown> }[] } } })?.result?.hits?.hit);
    const wanted = normaliseTitle(title);
    for (const hit of hits) {
      const info = hit?.info;
      if (!info) continue;
      // DBLP writes a volume after the venue, `ACL (1)`, and still calls early NeurIPS `NIPS`.
      const venue = oneLine(Array.isArray(info.venue) ? info.venue[0] : info.venue).replace(/\(\d+\)$/, '').trimEnd().replace(/^NIPS$/, 'NeurIPS');
      const year = Number(oneLine(info.year));
      if (!venue || /^corr$/i.test(venue) || /informal/i.test(oneLine(info.type)) || !Number.isInteger(year)) continue;
      if (normaliseTitle(oneLine(info.title)) !== wanted) continue;
      return { venue, year, title: oneLine(info.title).replace(/\.$/, ''), doi: oneLine(info.doi) || undefined };
    }
    return undefined;
  }
}

/** `ACL` for "Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)". */
function shortVenue(venue: string | undefined): string | undefined {
  if (!venue) return undefined;
  const known: [RegExp, string][] = [
    [/Findings of the Association for Computational Linguistics:?\s*(EMNLP|ACL|NAACL|EACL|AACL)/i, 'Findings of $1'],
    [/Annual Meeting of the Association for Computational Linguistics/i, 'ACL'],
    [/Empirical Methods in Natural Language Processing/i, 'EMNLP'],
    [/North American Chapter of the Association for Computational Linguistics/i, 'NAACL'],
    [/European Chapter of the Association for Computational Linguistics/i, 'EACL'],
    [/Transactions of the Association for Computational Linguistics/i, 'TACL'],
    [/International Conference on Computational Linguistics/i, 'COLING'],
  ];
  for (const [pattern, short] of known) {
    const match = pattern.exec(venue);
    if (match) return short.replace('$1', (match[1] ?? '').toUpperCase());
  }
  return venue;
}

/** The key of a ref for maps of fetched metadata. */
export const fetchedKey = refKey;
