// The house style of a paper list: how most of its entries are written, inferred from the majority or
// pinned in `.paperlistrc.json`. Rules flag only deviations from it, and new entries are written in it.
import type { Entry, PaperList } from '../model';
import { KindTally } from './entryChanges';
import { numberingFor } from './renumberList';
import { Interner, memoPerEntry } from '../memo';
import { plainLabel, vocabularyOf } from './labelVocabulary';

/** How a list writes its link labels: `[[Paper](url)]`, `[Paper](url)` or `[[Paper]](url)`. */
export type LabelBrackets = 'double' | 'single' | 'outside';
/** How a list capitalises its link labels: `Paper`, `paper`, `PAPER`, or no one way. */
export type LabelCase = 'capitalized' | 'lower' | 'upper' | 'mixed';

export interface HouseStyle {
  /** `1.` numbers or `-` bullets. */
  marker: 'numbered' | 'bulleted';
  /** Numbered lists count up (`1. 2. 3.`) or number every item `1.` and let markdown count. */
  numbering: 'sequential' | 'ones';
  /** A date such as `[2023/05]` before the title. */
  date: boolean;
  /** A short name before the title, as `<u>GPT-3</u>: `. */
  leadName: boolean;
  /** The title in quotes inside the bold: `**"Title"**`. */
  titleQuotes: boolean;
  /** Where the period after the title stands: `**Title.**`, `**Title**.`, or none. */
  titlePeriod: 'inside' | 'outside' | 'none';
  /** The authors on the item's first line, or on an indented line of their own below it. */
  authorsLine: 'same' | 'next';
  /** Where the period after the authors stands: `*Wang et al.*`, `*Wang et al*.`, or none. */
  authorsPeriod: 'inside' | 'outside' | 'none';
  /** The venue after the authors (`*Wang et al.* arXiv 2022.`) or inside their italics (`*Wang et al. arXiv.*`). */
  venueInAuthors: boolean;
  /** A period after the year: `arXiv 2022.` */
  yearPeriod: boolean;
  labelBrackets: LabelBrackets;
  /** What stands between two links: nothing (`][`) or a space (`] [`). */
  labelSeparator: '' | ' ';
  labelCase: LabelCase;
  /** The list's link labels, most used first, in its own spelling. */
  labels: string[];
}

export type HouseStyleField = keyof HouseStyle;

/** How many entries showed a field of the style and how many of them agree with it. */
export interface StyleEvidence {
  agree: number;
  of: number;
}

export interface InferredHouseStyle {
  style: HouseStyle;
  evidence: Partial<Record<HouseStyleField, StyleEvidence>>;
  /** The fields set by the config rather than inferred. */
  pinned: HouseStyleField[];
}

/** The style of the reference list, used where a list has too few entries to show its own. */
export const defaultHouseStyle: HouseStyle = {
  marker: 'numbered',
  numbering: 'sequential',
  date: false,
  leadName: false,
  titleQuotes: false,
  titlePeriod: 'outside',
  authorsLine: 'same',
  authorsPeriod: 'inside',
  venueInAuthors: false,
  yearPeriod: true,
  labelBrackets: 'double',
  labelSeparator: '',
  labelCase: 'capitalized',
  labels: ['Paper', 'Code'],
};

/** Counts votes for the values of one field. */
class Tally<T> {
  readonly counts = new Map<T, number>();
  total = 0;
  add(value: T, weight = 1): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + weight);
    this.total += weight;
  }
  /** The value most votes went to (the first one seen on a tie), with its count. */
  winner(): { value: T; count: number } | undefined {
    let best: { value: T; count: number } | undefined;
    for (const [value, count] of this.counts) if (!best || count > best.count) best = { value, count };
    return best;
  }
}

/** How a label is capitalised, or undefined for a spelling such as `arXiv` that follows no one rule. */
export function caseOf(label: string): Exclude<LabelCase, 'mixed'> | undefined {
  if (!/\p{L}/u.test(label)) return undefined;
  if (label === label.toLowerCase()) return 'lower';
  if (label === label.toUpperCase()) return [...label].filter((ch) => /\p{L}/u.test(ch)).length > 1 ? 'upper' : 'capitalized';
  const words = label.split(/\s+/);
  return words.every((word) => !/\p{L}/u.test(word[0]) || (word[0] === word[0].toUpperCase() && word.slice(1) === word.slice(1).toLowerCase())) ? 'capitalized' : undefined;
}

/** A label written in a capitalisation; `mixed` keeps it as it is. */
export function inCase(label: string, labelCase: LabelCase): string {
  if (labelCase === 'lower') return label.toLowerCase();
  if (labelCase === 'upper') return label.toUpperCase();
  if (labelCase === 'capitalized') return label.replace(/(^|\s)(\p{L})(\S*)/gu, (_, space: string, first: string, rest: string) => space + first.toUpperCase() + rest.toLowerCase());
  return label;
}

/** Below this share of the votes a field has no majority, and the default stands. */
const majority = 0.5;

/** The fields an entry votes on; `numbering` is voted by whole lists and `labels` comes from the vocabulary. */
type VotedField = Exclude<HouseStyleField, 'numbering' | 'labels'>;
type Vote = readonly [field: VotedField, value: HouseStyle[VotedField]];

/** One entry's votes; shared between all entries that vote alike, so that counting visits each kind once. */
const voteKinds = new Interner<readonly Vote[]>();

/** An entry's votes for each field of the style; kept per entry, which edits leave alone or replace. */
const votesOf = memoPerEntry((entry, text: string): readonly Vote[] => {
  const found: Vote[] = [['marker', entry.number ? 'numbered' : 'bulleted']];
  if (entry.title) {
    found.push(['date', entry.date !== undefined], ['leadName', entry.leadName !== undefined], ['titleQuotes', entry.titleQuoted]);
    if (entry.periodAfterTitle !== undefined) found.push(['titlePeriod', entry.periodAfterTitle || 'none']);
    if (entry.authors) {
      found.push(['authorsLine', entry.authorsLine ?? 'same'], ['venueInAuthors', entry.venueInAuthors]);
      if (entry.authorsPeriod !== undefined) found.push(['authorsPeriod', entry.authorsPeriod || 'none']);
    }
    if (entry.periodAfterYear !== undefined) found.push(['yearPeriod', entry.periodAfterYear]);
    let previous: Entry['links'][number] | undefined;
    for (const link of entry.links) {
      found.push(['labelBrackets', link.label.startsWith('[') && link.label.endsWith(']') ? 'outside' : link.openBracket && link.closeBracket ? 'double' : 'single']);
      // Labels in capitals are mostly acronyms (`PDF`, `URL`) with a spelling of their own: they do not vote.
      const labelCase = caseOf(plainLabel(link));
      if (labelCase && labelCase !== 'upper') found.push(['labelCase', labelCase]);
      if (previous) {
        const between = text.slice(previous.group.end, link.group.start);
        if (between === '' || between === ' ') found.push(['labelSeparator', between]);
      }
      previous = link;
    }
  }
  return voteKinds.intern(found.map(([field, value]) => `${field}=${String(value)}`).join('|'), found);
});

function inferStyle(list: PaperList): { style: HouseStyle; evidence: Partial<Record<HouseStyleField, StyleEvidence>> } {
  // Kept per document and updated from the entries an edit changed.
  const kinds = list.cache.keep('house-style-votes', () => new KindTally<readonly Vote[]>()).countsOf(list.entries, (entry) => votesOf(entry, list.text));
  const tallies = new Map<HouseStyleField, Tally<unknown>>();
  const tallyOf = (field: HouseStyleField): Tally<unknown> => {
    let tally = tallies.get(field);
    if (!tally) tallies.set(field, (tally = new Tally<unknown>()));
    return tally;
  };
  for (const [votes, times] of kinds) for (const [field, value] of votes) tallyOf(field).add(value, times);
  for (const group of list.lists) {
    if (!group.ordered || group.items.length < 2) continue;
    tallyOf('numbering').add(numberingFor(group, 'auto'), group.items.length);
  }
  const style: HouseStyle = { ...defaultHouseStyle };
  const evidence: Partial<Record<HouseStyleField, StyleEvidence>> = {};
  for (const [field, tally] of tallies) {
    const won = tally.winner();
    if (!won) continue;
    evidence[field] = { agree: won.count, of: tally.total };
    // Each tally only holds values of its own field, so the style keeps its types.
    if (won.count > tally.total * majority || tally.total === 1) (style as unknown as Record<string, unknown>)[field] = won.value;
    else if (field === 'labelCase') style.labelCase = 'mixed';
  }
  const vocabulary = vocabularyOf(list, []).mostUsed;
  if (vocabulary.length) style.labels = vocabulary.slice(0, 12);
  return { style, evidence };
}

const inferred = new WeakMap<PaperList, { key: string; result: InferredHouseStyle }>();

/** The list's house style: each field from the majority of its entries, or as pinned. */
export function houseStyleOf(list: PaperList, pinned: Partial<HouseStyle> = {}): InferredHouseStyle {
  const key = JSON.stringify(pinned);
  const known = inferred.get(list);
  if (known && known.key === key) return known.result;
  const { style, evidence } = inferStyle(list);
  const fields = Object.keys(pinned) as HouseStyleField[];
  const result: InferredHouseStyle = { style: { ...style, ...pinned }, evidence, pinned: fields };
  inferred.set(list, { key, result });
  return result;
}

const fieldNames: Record<HouseStyleField, string> = {
  marker: 'Items',
  numbering: 'Numbering',
  date: 'Date before the title',
  leadName: 'Name before the title',
  titleQuotes: 'Title in quotes',
  titlePeriod: 'Period after the title',
  authorsLine: 'Authors',
  authorsPeriod: 'Period after the authors',
  venueInAuthors: 'Venue',
  yearPeriod: 'Period after the year',
  labelBrackets: 'Link brackets',
  labelSeparator: 'Between links',
  labelCase: 'Label case',
  labels: 'Labels',
};

function describeValue(field: HouseStyleField, style: HouseStyle): string {
  switch (field) {
    case 'marker':
      return style.marker === 'numbered' ? 'numbered, `1.`' : 'bulleted, `-`';
    case 'numbering':
      return style.numbering === 'ones' ? 'every item `1.`' : 'counting up';
    case 'titlePeriod':
      return style.titlePeriod === 'inside' ? '`**Title.**`' : style.titlePeriod === 'outside' ? '`**Title**.`' : 'none';
    case 'authorsLine':
      return style.authorsLine === 'same' ? 'on the first line' : 'on an indented line below';
    case 'authorsPeriod':
      return style.authorsPeriod === 'inside' ? '`*Wang et al.*`' : style.authorsPeriod === 'outside' ? '`*Wang et al*.`' : 'none';
    case 'venueInAuthors':
      return style.venueInAuthors ? 'inside the italics, `*Wang et al. arXiv.*`' : 'after the authors';
    case 'labelBrackets':
      return style.labelBrackets === 'double' ? '`[[Paper](url)]`' : style.labelBrackets === 'single' ? '`[Paper](url)`' : '`[[Paper]](url)`';
    case 'labelSeparator':
      return style.labelSeparator === ' ' ? 'a space' : 'nothing';
    case 'labels':
      return style.labels.map((label) => `\`${label}\``).join(', ');
    default: {
      const value = style[field];
      return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    }
  }
}

/** The house style in markdown, for the hover on the first heading and "Show House Style". */
export function describeHouseStyle(inferred: InferredHouseStyle, example?: string): string {
  const rows = (Object.keys(fieldNames) as HouseStyleField[]).map((field) => {
    const seen = inferred.evidence[field];
    const source = inferred.pinned.includes(field)
      ? 'pinned in `.paperlistrc.json`'
      : seen
        ? `${seen.agree} of ${seen.of}`
        : field === 'labels' && inferred.style.labels !== defaultHouseStyle.labels
          ? 'most used first'
          : 'default';
    return `| ${fieldNames[field]} | ${describeValue(field, inferred.style)} | ${source} |`;
  });
  const lines = ['**House style** of this list, from the majority of its entries:', '', '| | Style | Entries |', '|---|---|---|', ...rows];
  if (example) lines.push('', 'A new entry looks like:', '', '```markdown', example, '```');
  const pin = Object.fromEntries(Object.entries(inferred.style).filter(([field]) => field !== 'labels'));
  lines.push('', 'To pin it, put this in `.paperlistrc.json`:', '', '```json', JSON.stringify({ houseStyle: pin }), '```');
  return lines.join('\n');
}

/** The values each field of the style may take, for validating a pinned style. */
const fieldValues: { [K in Exclude<HouseStyleField, 'labels'>]: readonly HouseStyle[K][] } = {
  marker: ['numbered', 'bulleted'],
  numbering: ['sequential', 'ones'],
  date: [true, false],
  leadName: [true, false],
  titleQuotes: [true, false],
  titlePeriod: ['inside', 'outside', 'none'],
  authorsLine: ['same', 'next'],
  authorsPeriod: ['inside', 'outside', 'none'],
  venueInAuthors: [true, false],
  yearPeriod: [true, false],
  labelBrackets: ['double', 'single', 'outside'],
  labelSeparator: ['', ' '],
  labelCase: ['capitalized', 'lower', 'upper', 'mixed'],
};

/** Checks an untrusted `houseStyle` object from a config file; keeps the valid fields and names the rest. */
export function validateHouseStyle(value: unknown): { style: Partial<HouseStyle>; problems: string[] } {
  const problems: string[] = [];
  const style: Record<string, unknown> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { style, problems: ['"houseStyle" must be an object, such as {"labelBrackets": "single"}'] };
  }
  for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
    if (field === 'labels') {
      if (Array.isArray(item) && item.every((label) => typeof label === 'string' && label.trim())) style.labels = item.map((label: string) => label.trim());
      else problems.push('"houseStyle.labels" must be an array of non-empty strings');
      continue;
    }
    const allowed = (fieldValues as Record<string, readonly unknown[]>)[field];
    if (!allowed) {
      problems.push(`"houseStyle" has an unknown field "${field}"; expected one of ${Object.keys(fieldValues).concat('labels').map((name) => `"${name}"`).join(', ')}`);
    } else if (!allowed.includes(item)) {
      problems.push(`"houseStyle.${field}" is ${JSON.stringify(item)}; expected ${allowed.map((option) => JSON.stringify(option)).join(' or ')}`);
    } else style[field] = item;
  }
  return { style: style as Partial<HouseStyle>, problems };
}

/** Deviations are flagged only from a field this share of the entries agree on, or one the config pins. */
const settledShare = 0.75;

/** Whether a field of the style is firm enough to flag entries that differ from it. */
export function isSettled(inferred: InferredHouseStyle, field: HouseStyleField): boolean {
  if (inferred.pinned.includes(field)) return true;
  const seen = inferred.evidence[field];
  return seen !== undefined && seen.of >= 3 && seen.agree >= seen.of * settledShare;
}
