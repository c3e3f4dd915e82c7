import { trimWhere } from '../text';
import { isPluralPair } from '../fixInvariant';
import type { Fix, Rule } from '../rule';
import { isCommonLabel, isWordLabel, labelOf, namesVenue, quoteList, vocabularyOf, type Vocabulary } from '../analysis/labelVocabulary';

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

/** The list's labels closest to a lower-cased label that is not one of them, within the allowed distance. */
export function nearMisses(vocabulary: Vocabulary, key: string): { closest: string[]; distance: number } {
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
  return { closest, distance: closestDistance };
}

/** A link label that looks like a misspelling of one of the list's labels. */
export const linkLabelRule: Rule = {
  code: 'link-label',
  defaultSeverity: 'warning',
  description: "A link label that looks like a misspelling of one of the list's labels, such as \"Cdoe\" for \"Code\".",
  fixable: true,
  scope: 'entry',
  contextKey: ({ list, config }) => {
    const vocabulary = vocabularyOf(list, config.linkLabels);
    return JSON.stringify([[...vocabulary.preferred], vocabulary.mostUsed]);
  },
  check({ list, entries, config, report }) {
    const vocabulary = vocabularyOf(list, config.linkLabels);
    for (const entry of entries) {
      for (const link of entry.links) {
        const found = labelOf(list.text, link);
        if (!found) continue;
        const { label } = found;
        const span = found.span ?? link.labelSpan;
        const replace = (newText: string, safe: boolean, preferred: boolean): Fix[] =>
          found.span
            ? [{ title: `Change the label to "${newText}"`, edits: [{ ...found.span, newText }], safe, preferred, ...(safe ? { changesMeaning: 'label-spelling' as const } : {}) }]
            : [];
        const key = label.toLowerCase();
        // A known label in another spelling, or a label the list uses rarely, is house-style's business.
        if (vocabulary.preferred.has(key)) continue;
        // Words of the author's own ("official code - pytorch") and venues ("NeurIPS 2023", "ECCVW") are no misspellings.
        if (!isWordLabel(label) || namesVenue(label)) continue;
        const { closest, distance: closestDistance } = nearMisses(vocabulary, key);
        // "Code1" and "Code2" number their links; they misspell nothing.
        if (!closest.length || closest.some((spelling) => spelling.toLowerCase() === trimWhere(key, (ch) => /\p{N}/u.test(ch), false))) continue;
        const plural = closest.length === 1 && isPluralPair(label, closest[0]);
        // Only a single candidate one letter away, both all letters, neither the plural of the other, and a
        // label common to paper lists, is certain enough for fix-all; the rest is the user's call.
        const single = closest.length === 1;
        const safe =
          single && closestDistance === 1 && !plural && /^\p{L}+$/u.test(label) && /^\p{L}+$/u.test(closest[0]) && isCommonLabel(closest[0], config.linkLabels);
        const expected = quoteList(closest, 'or');
        report({
          span,
          entry: entry.index,
          message: plural
            ? `Link label "${label}" differs from the list's label ${expected} only in number; expected ${expected}.`
            : `Link label "${label}" looks like a misspelling of ${expected}; expected ${expected}.`,
          fixes: closest.flatMap((spelling) => replace(spelling, safe, single)),
        });
      }
    }
  },
  docs: {
    summary: 'a label that looks like a misspelling of one of the list\'s labels (`Papr`, `Cdoe`)',
    fix: 'the closest label',
    details: `A link label that looks like a misspelling of one of the list's labels: the built-in labels (Paper, PDF,
Code, Data, Dataset, Project, Checkpoint, Model, Demo, Blog, Website, URL, Leaderboard, Slides, Video and
more), the \`linkLabels\` of the config, and labels the list itself uses at least three times. \`Papr\` →
\`Paper\` and \`Cdoe\` → \`Code\` are one edit away and fixed safely; a label two edits away, or near two labels,
has a fix that needs a look. A label in another case, or one the list does not know, is
[house-style](#house-style)'s business.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Papr](https://example.org/c)]
`,
          message: 'Link label "Papr" looks like a misspelling of "Paper"; expected "Paper".',
          line: 5,
          column: 39,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
      ],
    },
  },
};
