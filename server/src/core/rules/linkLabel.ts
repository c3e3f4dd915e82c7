import type { Entry, EntryLink, PaperList } from '../model';
import type { Fix, Rule } from '../rule';
import type { Span } from '../text';

/** Labels that paper lists commonly use, in their usual spelling. */
const builtInLabels = [
  'Paper', 'PDF', 'Code', 'Data', 'Dataset', 'Project', 'Checkpoint', 'Model', 'Demo', 'Blog', 'Website', 'URL',
  'Leaderboard', 'Slides', 'Video', 'Poster', 'Talk', 'Homepage', 'Github', 'Benchmark', 'Survey', 'Doc', 'Docs',
  'Tutorial', 'Notebook', 'Colab', 'Patent', 'Thesis', 'Book', 'arXiv',
];

/** A label the list uses at least this often belongs to its vocabulary. */
const minimumUses = 3;

/** How many labels the message of an unknown label suggests. */
const suggestionCount = 4;

/**
 * The optimal-string-alignment distance (Levenshtein plus swaps of neighbours, so "Cdoe" is one edit
 * from "Code"). Returns `max + 1` as soon as the distance must exceed `max`.
 */
export function labelDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** How many edits a near miss may be away from a label: one per 4 letters of the longer of the two, at most 2, so "DOI" is no near miss of "Doc". */
const allowedDistance = (a: string, b: string) => Math.min(2, Math.floor(Math.max(a.length, b.length) / 4));

/** The label as the rules compare it: `[Paper]` inside a link counts as `Paper`. */
/** The label's words, without the brackets of `[[Paper]](url)` written the other way round. */
function plainLabel(link: EntryLink): string {
  const label = link.label;
  return label.startsWith('[') && label.endsWith(']') ? label.slice(1, -1).trim() : label;
}

function labelOf(text: string, link: EntryLink): { label: string; span?: Span } | undefined {
  const label = plainLabel(link);
  if (!label) return undefined;
  const at = text.slice(link.labelSpan.start, link.labelSpan.end).indexOf(label);
  return { label, span: at === -1 ? undefined : { start: link.labelSpan.start + at, end: link.labelSpan.start + at + label.length } };
}

interface Vocabulary {
  /** Lower-cased label to the spelling the list prefers. */
  preferred: Map<string, string>;
  /** The list's own labels, most used first, in their preferred spelling. */
  mostUsed: string[];
}

/** The vocabulary of each parsed list, for the config labels it was built with. */
const vocabularies = new WeakMap<PaperList, { labels: readonly string[]; vocabulary: Vocabulary }>();

function vocabularyOf(list: PaperList, configLabels: readonly string[]): Vocabulary {
  const known = vocabularies.get(list);
  if (known && known.labels === configLabels) return known.vocabulary;
  const vocabulary = buildVocabulary(list, configLabels);
  vocabularies.set(list, { labels: configLabels, vocabulary });
  return vocabulary;
}

const entryLabels = new WeakMap<Entry, readonly [string, string][]>();
/** One shared array per combination of labels, so that counting visits each combination once. */
const labelCombinations = new Map<string, readonly [string, string][]>();

/** An entry's labels as written and lower-cased; kept per entry, which edits leave alone or replace. */
function labelsOf(entry: Entry): readonly [string, string][] {
  let labels = entryLabels.get(entry);
  if (!labels) {
    const found: [string, string][] = [];
    for (const link of entry.links) {
      const label = plainLabel(link);
      if (label) found.push([label.toLowerCase(), label]);
    }
    const key = found.map(([, label]) => label).join('\u0000');
    labels = labelCombinations.get(key);
    if (!labels) {
      labels = found;
      // The table only grows with new combinations; a list has a few dozen.
      if (labelCombinations.size < 10_000) labelCombinations.set(key, labels);
    }
    entryLabels.set(entry, labels);
  }
  return labels;
}

function buildVocabulary(list: PaperList, configLabels: readonly string[]): Vocabulary {
  // Count each spelling first, one map update per link; grouping by lower case then runs over the few
  // distinct spellings only.
  const combinations = new Map<readonly [string, string][], number>();
  for (const entry of list.entries) {
    const labels = labelsOf(entry);
    combinations.set(labels, (combinations.get(labels) ?? 0) + 1);
  }
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

function quoteList(labels: readonly string[], joiner: string): string {
  const quoted = labels.map((label) => `"${label}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted[quoted.length - 1]}` : quoted[0];
}

/** A link label outside the list's vocabulary, a near miss of a known label, or a label in the wrong case. */
export const linkLabelRule: Rule = {
  code: 'link-label',
  defaultSeverity: 'warning',
  description: "A link label outside the list's vocabulary, a near miss of a known label, or a label in the wrong case.",
  fixable: true,
  scope: 'entry',
  contextKey: ({ list, config }) => {
    const vocabulary = vocabularyOf(list, config.linkLabels);
    return JSON.stringify([[...vocabulary.preferred], vocabulary.mostUsed]);
  },
  check({ list, entries, config, report }) {
    const vocabulary = vocabularyOf(list, config.linkLabels);
    const suggestions = [...vocabulary.mostUsed];
    for (const label of builtInLabels) if (suggestions.length < suggestionCount && !suggestions.includes(label)) suggestions.push(label);
    for (const entry of entries) {
      for (const link of entry.links) {
        const found = labelOf(list.text, link);
        if (!found) continue;
        const { label } = found;
        const span = found.span ?? link.labelSpan;
        const replace = (newText: string, safe: boolean, preferred: boolean): Fix[] =>
          found.span ? [{ title: `Change the label to "${newText}"`, edits: [{ ...found.span, newText }], safe, preferred }] : [];
        const key = label.toLowerCase();
        const known = vocabulary.preferred.get(key);
        if (known !== undefined) {
          if (known === label) continue;
          report({
            span,
            entry: entry.index,
            message: `Link label "${label}" differs in case from the list's "${known}"; expected "${known}".`,
            fixes: replace(known, true, true),
          });
          continue;
        }
        let closest: string[] = [];
        let closestDistance = Infinity;
        for (const [candidateKey, spelling] of vocabulary.preferred) {
          const allowed = allowedDistance(key, candidateKey);
          if (allowed === 0) continue;
          const distance = labelDistance(key, candidateKey, allowed);
          if (distance > allowed || distance > closestDistance) continue;
          if (distance < closestDistance) closest = [];
          closestDistance = distance;
          closest.push(spelling);
        }
        if (closest.length) {
          // Only a single candidate one edit away is certain enough for fix-all; the rest is the user's call.
          const single = closest.length === 1;
          report({
            span,
            entry: entry.index,
            message: `Link label "${label}" looks like a misspelling of ${quoteList(closest, 'or')}; expected ${quoteList(closest, 'or')}.`,
            fixes: closest.flatMap((spelling) => replace(spelling, single && closestDistance === 1, single)),
          });
          continue;
        }
        report({
          span,
          entry: entry.index,
          message: `Link label "${label}" is not one of the list's labels; expected one such as ${quoteList(suggestions.slice(0, suggestionCount), 'or')}.`,
        });
      }
    }
  },
};
