// `check --online`: every entry that names a paper by an id is compared with what the paper's source
// says. Four rules, which run only in this mode: metadata-title, metadata-authors, metadata-year and
// preprint-published. Fetching is apart from judging, so that the rules are pure functions of the answers.
import { houseStyleOf } from '../analysis/houseStyleOf';
import { defaultConfig, type ResolvedConfig } from '../config';
import type { Entry, PaperList } from '../model';
import { refKey, type PaperRef } from '../paperLinks';
import type { Finding, Severity } from '../rule';
import { refsOfEntry } from '../features/listedPaper';
import { normaliseTitle } from '../text';
import { OnlineError } from './httpClient';
import type { FetchedPaper, MetadataSources, Publication } from './sources';

import { metadataRuleCodes } from './metadataRuleCodes';

export { metadataRuleCodes };
export type MetadataRuleCode = (typeof metadataRuleCodes)[number];

export const metadataRuleSeverity: Record<MetadataRuleCode, Severity> = {
  'metadata-title': 'warning',
  'metadata-authors': 'warning',
  'metadata-year': 'warning',
  'preprint-published': 'info',
};

/** The sources whose answers are fetched, best first: a published record before a preprint. */
const fetchable: PaperRef['source'][] = ['acl', 'openreview', 'doi', 'arxiv'];

/** The one id of an entry that is checked: the best of its fetchable ids. */
export function checkedRef(entry: Entry): PaperRef | undefined {
  const refs = refsOfEntry(entry);
  for (const source of fetchable) {
    const ref = refs.find((candidate) => candidate.source === source);
    if (ref) return ref;
  }
  return undefined;
}

/** Whether an entry is a preprint only: its venue is arXiv (or missing) and it names no published record. */
function isPreprintOnly(entry: Entry, ref: PaperRef): boolean {
  if (ref.source !== 'arxiv') return false;
  const venue = entry.venue?.text.trim();
  return !venue || /^arxiv\b/i.test(venue);
}

export interface FetchedAnswers {
  papers: Map<string, FetchedPaper>;
  /** By the arXiv id of a preprint: where DBLP says it was published. */
  publications: Map<string, Publication>;
  /** One sentence per failure; the entries they concern are left unchecked. */
  problems: string[];
}

/** Fetches what the checks need: arXiv in batches, the other sources one by one, DBLP for preprints. */
export async function fetchAnswers(list: PaperList, sources: MetadataSources): Promise<FetchedAnswers> {
  const answers: FetchedAnswers = { papers: new Map(), publications: new Map(), problems: [] };
  const refs = new Map<string, PaperRef>();
  const preprints = new Set<string>();
  for (const entry of list.entries) {
    const ref = entry.title ? checkedRef(entry) : undefined;
    if (!ref) continue;
    refs.set(refKey(ref), ref);
    if (isPreprintOnly(entry, ref)) preprints.add(ref.id);
  }
  const fail = (error: unknown): void => {
    answers.problems.push(error instanceof OnlineError ? error.message : `Unexpected error: ${(error as Error).message}`);
  };
  const arxivIds = [...refs.values()].filter((ref) => ref.source === 'arxiv').map((ref) => ref.id);
  if (arxivIds.length) {
    try {
      const found = await sources.fetchArxiv(arxivIds);
      for (const id of arxivIds) {
        const paper = found.get(id);
        if (paper) answers.papers.set(`arxiv:${id}`, paper);
        else answers.problems.push(`arXiv has no paper ${id}.`);
      }
    } catch (error) {
      fail(error);
    }
  }
  for (const ref of refs.values()) {
    if (ref.source === 'arxiv') continue;
    try {
      answers.papers.set(refKey(ref), await sources.fetchPaper(ref));
    } catch (error) {
      fail(error);
    }
  }
  for (const id of preprints) {
    const paper = answers.papers.get(`arxiv:${id}`);
    if (!paper) continue;
    try {
      const publication = await sources.findPublication(paper.title);
      if (publication) answers.publications.set(id, publication);
    } catch (error) {
      fail(error);
    }
  }
  return answers;
}

/** Letters of a name in lower case without accents, for comparing surnames. */
function nameKey(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
}

/** The words of the entry's first author: `Sanh` of `Sanh et al.`, `Colin Raffel` of `Colin Raffel, …`. */
function firstAuthorOf(entry: Entry): string | undefined {
  const text = entry.authors?.text;
  if (!text) return undefined;
  const etAl = text.search(/\bet\.?\s*al\b/i);
  const first = (etAl === -1 ? text : text.slice(0, etAl)).split(/,|\band\b|&/)[0];
  return nameKey(first) || undefined;
}

const sourceName = (ref: PaperRef): string => ({ arxiv: 'arXiv', doi: 'Crossref', openreview: 'OpenReview', acl: 'the ACL Anthology' })[ref.source as 'arxiv'] ?? ref.source;

function markdownSafe(text: string): string {
  return text.replace(/([*_`[\]\\])/g, '\\$1');
}

/** The findings of the four rules for each entry whose paper was fetched, in document order. */
export function metadataFindings(list: PaperList, answers: Pick<FetchedAnswers, 'papers' | 'publications'>, config: ResolvedConfig = defaultConfig): Finding[] {
  const findings: Finding[] = [];
  const style = houseStyleOf(list, config.houseStyle).style;
  const push = (code: MetadataRuleCode, entry: Entry, finding: Omit<Finding, 'code' | 'severity' | 'entry'>): void => {
    const severity = config.rules[code] ?? metadataRuleSeverity[code];
    if ((severity as string) === 'off') return;
    findings.push({ code, severity: severity as Severity, entry: entry.index, ...finding });
  };
  for (const entry of list.entries) {
    if (!entry.title) continue;
    const ref = checkedRef(entry);
    const paper = ref && answers.papers.get(refKey(ref));
    if (!ref || !paper) continue;
    const source = sourceName(ref);
    if (normaliseTitle(entry.title.text) !== normaliseTitle(paper.title)) {
      push('metadata-title', entry, {
        message: `The title differs from ${source}'s: "${paper.title}".`,
        span: entry.title,
        fixes: [{ title: `Use ${source}'s title`, edits: [{ start: entry.title.start, end: entry.title.end, newText: markdownSafe(paper.title) }], safe: false }],
      });
    }
    const first = firstAuthorOf(entry);
    const expected = paper.firstSurname ? nameKey(paper.firstSurname) : paper.authors[0] ? nameKey(paper.authors[0]).split(' ').pop() : undefined;
    if (first && expected && !` ${first} `.includes(` ${expected} `) && !` ${expected} `.includes(` ${first} `)) {
      push('metadata-authors', entry, {
        message: `The first author differs from ${source}'s: ${paper.authors[0] ?? paper.firstSurname}.`,
        span: entry.authors!,
        fixes: [],
      });
    }
    const publication = ref.source === 'arxiv' && isPreprintOnly(entry, ref) ? answers.publications.get(ref.id) : undefined;
    // A preprint's year is compared only while the entry calls it a preprint: the venue's year may differ,
    // and a year that is already the year of publication is left to preprint-published.
    const entryYear = entry.year?.value;
    const comparable = (ref.source !== 'arxiv' || isPreprintOnly(entry, ref)) && entryYear !== publication?.year;
    if (comparable && entryYear !== undefined && paper.year !== undefined && entryYear !== paper.year) {
      push('metadata-year', entry, {
        message: `The year is ${entryYear}; ${source} says ${paper.year}.`,
        span: entry.year!,
        fixes: [{ title: `Change the year to ${paper.year}`, edits: [{ start: entry.year!.start, end: entry.year!.end, newText: String(paper.year) }], safe: false }],
      });
    }
    if (publication) {
      const edits = [];
      if (entry.venue) edits.push({ start: entry.venue.start, end: entry.venue.end, newText: markdownSafe(publication.venue) });
      if (entry.year && entry.year.value !== publication.year) edits.push({ start: entry.year.start, end: entry.year.end, newText: String(publication.year) });
      else if (!entry.year && entry.venue && !style.venueInAuthors) edits[0].newText += ` ${publication.year}`;
      push('preprint-published', entry, {
        message: `This arXiv paper was published at ${publication.venue} ${publication.year} (DBLP); the entry still lists it as a preprint.`,
        span: entry.venue ?? entry.title,
        fixes: edits.length ? [{ title: `Change the venue to ${publication.venue} ${publication.year}`, edits, safe: false, preferred: true }] : [],
      });
    }
  }
  return findings;
}
