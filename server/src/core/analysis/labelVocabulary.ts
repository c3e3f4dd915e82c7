// The link labels a list uses and how it spells them, for link-label, house-style and completion.
import type { EntryLink, PaperList } from '../model';
import { KindTally } from './entryChanges';
import { Interner, memoPerEntry } from '../memo';
import { isVenueName } from '../fieldPatterns';
import { trimWhere, type Span } from '../text';

/** Labels that paper lists commonly use, in their usual spelling. */
export const builtInLabels = [
  'Paper', 'PDF', 'Code', 'Data', 'Dataset', 'Project', 'Checkpoint', 'Model', 'Demo', 'Blog', 'Website', 'URL',
  'Leaderboard', 'Slides', 'Video', 'Poster', 'Talk', 'Homepage', 'Github', 'Benchmark', 'Survey', 'Doc', 'Docs',
  'Tutorial', 'Notebook', 'Colab', 'Patent', 'Thesis', 'Book', 'arXiv',
];

/** A label the list uses at least this often belongs to its vocabulary. */
const minimumUses = 3;

/** The label's words, without the brackets of `[[Paper]](url)` written the other way round. */
export function plainLabel(link: EntryLink): string {
  const label = link.label;
  return label.startsWith('[') && label.endsWith(']') ? label.slice(1, -1).trim() : label;
}

export function labelOf(text: string, link: EntryLink): { label: string; span?: Span } | undefined {
  const label = plainLabel(link);
  if (!label) return undefined;
  const at = text.slice(link.labelSpan.start, link.labelSpan.end).indexOf(label);
  return { label, span: at === -1 ? undefined : { start: link.labelSpan.start + at, end: link.labelSpan.start + at + label.length } };
}

export interface Vocabulary {
  /** Lower-cased label to the spelling the list prefers. */
  preferred: Map<string, string>;
  /** The list's own labels, most used first, in their preferred spelling. */
  mostUsed: string[];
}

/** The vocabulary of each parsed list, for the config labels it was built with. */
const vocabularies = new WeakMap<PaperList, { labels: readonly string[]; vocabulary: Vocabulary }>();

export function vocabularyOf(list: PaperList, configLabels: readonly string[]): Vocabulary {
  const known = vocabularies.get(list);
  if (known && known.labels === configLabels) return known.vocabulary;
  const vocabulary = buildVocabulary(list, configLabels);
  vocabularies.set(list, { labels: configLabels, vocabulary });
  return vocabulary;
}

/** One shared array per combination of labels, so that counting visits each combination once. */
const labelCombinations = new Interner<readonly [string, string][]>();

/** An entry's labels as written and lower-cased; kept per entry, which edits leave alone or replace. */
export const labelsOf = memoPerEntry((entry): readonly [string, string][] => {
  const found: [string, string][] = [];
  for (const link of entry.links) {
    const label = plainLabel(link);
    if (label) found.push([label.toLowerCase(), label]);
  }
  return labelCombinations.intern(found.map(([, label]) => label).join('\u0000'), found);
});

function buildVocabulary(list: PaperList, configLabels: readonly string[]): Vocabulary {
  // Count each spelling first, one map update per link; grouping by lower case then runs over the few
  // distinct spellings only.
  const combinations = list.cache.keep('label-combinations', () => new KindTally<readonly [string, string][]>()).countsOf(list.entries, labelsOf);
  const uses = new Map<string, number>();
  for (const [labels, times] of combinations) {
    for (const [, label] of labels) uses.set(label, (uses.get(label) ?? 0) + times);
  }
  const spellings = new Map<string, Map<string, number>>();
  for (const [label, count] of uses) {
    const key = label.toLowerCase();
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(label, count);
    spellings.set(key, counts);
  }
  const preferred = new Map<string, string>();
  for (const label of [...builtInLabels, ...configLabels]) preferred.set(label.toLowerCase(), label);
  const totals: [string, number][] = [];
  for (const [key, counts] of spellings) {
    let total = 0;
    let best: string | undefined;
    for (const [spelling, count] of counts) {
      total += count;
      // On a tie the built-in or configured spelling wins, then the one seen first.
      const bestCount = best === undefined ? -1 : counts.get(best)!;
      if (count > bestCount || (count === bestCount && spelling === preferred.get(key) && best !== spelling)) best = spelling;
    }
    if (total >= minimumUses || preferred.has(key)) {
      preferred.set(key, best!);
      totals.push([best!, total]);
    }
  }
  totals.sort((a, b) => b[1] - a[1]);
  return { preferred, mostUsed: totals.map(([label]) => label) };
}

/**
 * Whether a label is a single word that names what the link leads to, such as "Paper" or "Cdoe". Labels of
 * several words or with other signs ("official code - pytorch", "Demo Video", "Code/Prompts") describe the
 * link in the author's own words, so they are neither misspellings nor unknown labels.
 */
export function isWordLabel(label: string): boolean {
  return /^\p{L}[\p{L}\p{N}]*$/u.test(label);
}

/** What `namesVenue` said of each label seen: a list has a few dozen labels, checked on every lint. */
const venueLabels = new Map<string, boolean>();


/**
 * Whether a label names a venue rather than a kind of link: `NeurIPS 2023`, `ICCV'19`, `ECCVW`, `CVPR`.
 * A year or an acronym in capitals makes it one; "PDF" and the other built-in labels stay labels.
 */
export function namesVenue(label: string): boolean {
  let known = venueLabels.get(label);
  if (known === undefined) {
    if (venueLabels.size > 10_000) venueLabels.clear();
    venueLabels.set(label, (known = readsAsVenue(label)));
  }
  return known;
}

function readsAsVenue(label: string): boolean {
  if (/(?:^|\D)(?:19|20)\d\d(?!\d)|['’]\d\d\b/.test(label)) return true;
  const first = label.split(/[\s\-–:/]+/)[0] ?? '';
  if (builtInKeys.has(first.toLowerCase())) return false;
  // The venue names the entry reader knows, `NeurIPS`, `Findings`, beyond the acronyms caught above.
  return isAcronym(first) || isVenueName(trimWhere(first, isDigit, false));
}

const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/** `ECCVW`, `CVPRw`, `ICLR24`: two or more capitals, maybe one small letter and more capitals, then digits. */
function isAcronym(word: string): boolean {
  const chars = [...word];
  const upper = (ch: string | undefined) => ch !== undefined && /\p{Lu}/u.test(ch);
  let at = 0;
  while (upper(chars[at])) at++;
  if (at < 2) return false;
  if (chars[at] !== undefined && /\p{Ll}/u.test(chars[at])) {
    at++;
    while (upper(chars[at])) at++;
  }
  while (chars[at] !== undefined && isDigit(chars[at])) at++;
  return at === chars.length;
}

const builtInKeys = new Set(builtInLabels.map((label) => label.toLowerCase()));

/** Whether the label is a built-in one or one the config names: the common labels a fix may safely spell. */
export function isCommonLabel(label: string, configLabels: readonly string[]): boolean {
  const key = label.toLowerCase();
  return builtInKeys.has(key) || configLabels.some((configured) => configured.toLowerCase() === key);
}

export function quoteList(labels: readonly string[], joiner: string): string {
  const quoted = labels.map((label) => `"${label}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted[quoted.length - 1]}` : quoted[0];
}

