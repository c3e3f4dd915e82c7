import type { ResolvedConfig } from '../config';
import { caseOf, houseStyleOf, inCase, isSettled, type HouseStyle } from '../analysis/houseStyleOf';
import type { Entry, EntryLink, PaperList } from '../model';
import type { Report, Rule } from '../rule';
import { shorten, type Span } from '../text';
import { builtInLabels, isWordLabel, labelOf, namesVenue, quoteList, vocabularyOf, type Vocabulary } from '../analysis/labelVocabulary';
import { nearMisses } from './linkLabel';

/** How many labels the message of an unknown label suggests. */
const suggestionCount = 4;

/** The parts of the house style this rule holds entries to; undefined where the list has no firm habit. */
interface Expected {
  labelBrackets?: HouseStyle['labelBrackets'];
  labelSeparator?: HouseStyle['labelSeparator'];
  labelCase?: HouseStyle['labelCase'];
  authorsPeriod?: HouseStyle['authorsPeriod'];
  titleQuotes?: HouseStyle['titleQuotes'];
}

function expectedOf(list: PaperList, config: ResolvedConfig): Expected {
  const inferred = houseStyleOf(list, config.houseStyle);
  const firm = <K extends keyof Expected>(field: K): HouseStyle[K] | undefined => (isSettled(inferred, field) ? inferred.style[field] : undefined);
  return {
    labelBrackets: firm('labelBrackets'),
    labelSeparator: firm('labelSeparator'),
    labelCase: firm('labelCase'),
    authorsPeriod: firm('authorsPeriod'),
    titleQuotes: firm('titleQuotes'),
  };
}

/** The labels an unknown label's message suggests: the list's most used, then built-in ones; no venues. */
function suggestionsOf(vocabulary: Vocabulary): string[] {
  const suggestions = vocabulary.mostUsed.filter((label) => isWordLabel(label) && !namesVenue(label)).slice(0, suggestionCount);
  const keys = new Set(suggestions.map((label) => label.toLowerCase()));
  for (const label of builtInLabels) if (suggestions.length < suggestionCount && !keys.has(label.toLowerCase())) suggestions.push(label);
  return suggestions;
}

function checkLabel(list: PaperList, config: ResolvedConfig, entry: Entry, link: EntryLink, expected: Expected, report: (report: Report) => void): void {
  const found = labelOf(list.text, link);
  // Labels in the author's own words ("official code - pytorch", "project page") and venues ("NeurIPS 2023")
  // follow no vocabulary: neither its spelling nor its case.
  if (!found || !isWordLabel(found.label) || namesVenue(found.label)) return;
  const vocabulary = vocabularyOf(list, config.linkLabels);
  const known = vocabulary.preferred.get(found.label.toLowerCase());
  const span = found.span ?? link.labelSpan;
  if (known === found.label) {
    checkLabelCase(entry, found.label, found.span, expected, report);
    return;
  }
  if (known !== undefined) {
    report({
      span,
      entry: entry.index,
      message: `Link label "${found.label}" is spelt "${known}" elsewhere in this list; expected "${known}".`,
      fixes: found.span ? [{ title: `Change the label to "${known}"`, edits: [{ ...found.span, newText: known }], safe: true, preferred: true }] : [],
    });
    return;
  }
  // A near miss of a known label, such as "Cdoe", is link-label's business.
  if (nearMisses(vocabulary, found.label.toLowerCase()).closest.length) return;
  const suggestions = suggestionsOf(vocabulary);
  report({
    span,
    entry: entry.index,
    message: `Link label "${found.label}" is not one of the list's labels; expected one such as ${quoteList(suggestions, 'or')}.`,
  });
}

/**
 * A label in `Paper` case where the house writes `paper`, or the other way round. Labels with a spelling of
 * their own, such as `PDF` or `arXiv`, keep it.
 */
function checkLabelCase(entry: Entry, label: string, span: Span | undefined, expected: Expected, report: (report: Report) => void): void {
  const want = expected.labelCase;
  const found = caseOf(label);
  if (!want || want === 'mixed' || want === 'upper' || !found || found === 'upper' || found === want) return;
  const wanted = inCase(label, want);
  report({
    span: span ?? { start: entry.span.start, end: entry.span.start },
    entry: entry.index,
    message: `Link label "${label}" ${want === 'lower' ? 'is not in lower case' : 'does not start with a capital'} as the list's house style has; expected "${wanted}".`,
    fixes: span ? [{ title: `Change the label to "${wanted}"`, edits: [{ ...span, newText: wanted }], safe: true, preferred: true }] : [],
  });
}

/** A title in quotes in a list that writes its titles without them, or the other way round. */
function checkTitleQuotes(text: string, entry: Entry, expected: Expected, report: (report: Report) => void): void {
  const title = entry.title;
  if (expected.titleQuotes === undefined || !title || entry.titleProblem || entry.titleUrl || entry.titleQuoted === expected.titleQuotes) return;
  const edits = expected.titleQuotes
    ? [{ start: title.start, end: title.start, newText: '"' }, { start: title.end, end: title.end, newText: '"' }]
    : [{ start: title.start - 1, end: title.start, newText: '' }, { start: title.end, end: title.end + 1, newText: '' }];
  // Only straight or curly quote marks right around the title are taken away.
  if (!expected.titleQuotes && !(/["\u201c\u201d]/.test(text[title.start - 1]) && /["\u201c\u201d]/.test(text[title.end]))) return;
  report({
    span: title.outer,
    entry: entry.index,
    message: expected.titleQuotes
      ? `Title "${shorten(title.text, 60)}" stands without quotes; expected "**\"${shorten(title.text, 30)}\"**", as the list's house style has.`
      : `Title "${shorten(title.text, 60)}" stands in quotes; expected it without them, as the list's house style has.`,
    fixes: [{ title: expected.titleQuotes ? 'Put the title in quotes' : 'Take the quotes off the title', edits, safe: true, preferred: true }],
  });
}

/** A link written with other brackets than the house style's: bare in a list of `[[Paper](url)]`, or the other way round. */
function checkBrackets(entry: Entry, link: EntryLink, expected: Expected, report: (report: Report) => void): void {
  const outside = link.label.startsWith('[') && link.label.endsWith(']');
  if (outside || link.openBracket !== link.closeBracket) return;
  const label = link.label;
  if (expected.labelBrackets === 'double' && !link.openBracket) {
    report({
      span: link.span,
      entry: entry.index,
      message: `Link "${label}" has no brackets around it; expected "[[${label}](…)]", as the list's house style has.`,
      fixes: [{ title: 'Put the link in brackets', edits: [{ start: link.span.start, end: link.span.start, newText: '[' }, { start: link.span.end, end: link.span.end, newText: ']' }], safe: true, preferred: true }],
    });
  } else if (expected.labelBrackets === 'single' && link.openBracket) {
    report({
      span: link.group,
      entry: entry.index,
      message: `Link "${label}" stands in brackets; expected "[${label}](…)" without them, as the list's house style has.`,
      fixes: [{ title: 'Remove the brackets around the link', edits: [{ start: link.group.start, end: link.span.start, newText: '' }, { start: link.span.end, end: link.group.end, newText: '' }], safe: true, preferred: true }],
    });
  }
}

/** Two links of an entry with other than the house style's separator between them: `][` against `] [`. */
function checkSeparator(text: string, entry: Entry, previous: EntryLink, link: EntryLink, expected: Expected, report: (report: Report) => void): void {
  if (expected.labelSeparator === undefined) return;
  const between = text.slice(previous.group.end, link.group.start);
  if ((between !== '' && between !== ' ') || between === expected.labelSeparator) return;
  const wanted = expected.labelSeparator === ' ' ? 'a space' : 'nothing';
  report({
    span: { start: previous.group.end - 1, end: link.group.start + 1 },
    entry: entry.index,
    message: `Links "${previous.label}" and "${link.label}" have ${between ? 'a space' : 'nothing'} between them; expected ${wanted}, as the list's house style has.`,
    fixes: [{ title: expected.labelSeparator ? 'Put a space between the links' : 'Remove the space between the links', edits: [{ start: previous.group.end, end: link.group.start, newText: expected.labelSeparator }], safe: true, preferred: true }],
  });
}

/** The period of `*Wang et al*.` where the house writes `*Wang et al.*`, or the other way round. */
function checkAuthorsPeriod(text: string, entry: Entry, expected: Expected, report: (report: Report) => void): void {
  const authors = entry.authors;
  const want = expected.authorsPeriod;
  if (!authors || !want || want === 'none' || !entry.authorsPeriod || entry.authorsPeriod === want || entry.venueInAuthors) return;
  const close = authors.outer.end - 1;
  const edits =
    want === 'inside'
      ? [{ start: close, end: close, newText: '.' }, { start: authors.outer.end, end: authors.outer.end + 1, newText: '' }]
      : [{ start: close - 1, end: close, newText: '' }, { start: authors.outer.end, end: authors.outer.end, newText: '.' }];
  // Only a lone period moves: `*Wang et al.*` keeps its period where it also ends an abbreviation.
  if (want === 'outside' && text[close - 1] !== '.') return;
  report({
    span: { start: close - 1, end: Math.min(authors.outer.end + 1, entry.span.end) },
    entry: entry.index,
    message: `The period after the authors stands ${entry.authorsPeriod} the italics; expected it ${want}, as "${want === 'inside' ? '*Wang et al.*' : '*Wang et al*.'}" in the list's house style.`,
    fixes: [{ title: `Move the period ${want} the italics`, edits, safe: true, preferred: true }],
  });
}

/**
 * An entry written differently from the list's house style: a label's spelling or case, link brackets and
 * separators, the period after the authors, quotes around the title.
 */
export const houseStyleRule: Rule = {
  code: 'house-style',
  defaultSeverity: 'info',
  description: "An entry written differently from the list's house style: a label's spelling or case, link brackets or separators, the period after the authors, quotes around the title.",
  fixable: true,
  scope: 'entry',
  contextKey: ({ list, config }) => {
    const vocabulary = vocabularyOf(list, config.linkLabels);
    return JSON.stringify([expectedOf(list, config), [...vocabulary.preferred], suggestionsOf(vocabulary)]);
  },
  check({ list, entries, config, report }) {
    const expected = expectedOf(list, config);
    const text = list.text;
    for (const entry of entries) {
      checkAuthorsPeriod(text, entry, expected, report);
      checkTitleQuotes(text, entry, expected, report);
      let previous: EntryLink | undefined;
      for (const link of entry.links) {
        checkLabel(list, config, entry, link, expected, report);
        checkBrackets(entry, link, expected, report);
        if (previous) checkSeparator(text, entry, previous, link, expected, report);
        previous = link;
      }
    }
  },
  docs: {
    summary: 'an entry written differently from the list\'s [house style](../README.md#house-style): a label\'s spelling, link brackets, the separator between links, the period after the authors',
    fix: 'the list\'s spelling, brackets, separator or period (safe)',
    details: `An entry written differently from the list's [house style](../README.md#house-style):

- a label spelt differently from the way the list spells it most (\`paper\` where the list writes \`Paper\`),
  or a label that is not one of the list's labels (the built-in ones, the config's \`linkLabels\`, and those
  the list uses at least three times);
- a link without brackets in a list of \`[[Paper](url)]\`, or with them in a list of \`[paper](url)\`;
- a space between links in a list that writes \`][\`, or none in a list that writes \`] [\`;
- \`*Wang et al*.\` in a list that writes \`*Wang et al.*\`, or the other way round;
- a label in \`Paper\` case in a list that writes \`paper\`, or the other way round (labels in capitals such as
  \`PDF\` keep their spelling);
- a title without quotes in a list that writes \`**"Title"**\`, or the other way round.

Only habits that at least three in four entries share are enforced (or those pinned in the config), so a
list with no one way gets no findings for it. Information only. Fixes: the list's spelling, brackets,
separator or period (safe); an unknown label has no fix.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/d)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[paper](https://example.org/d)]
`,
          message: 'Link label "paper" is spelt "Paper" elsewhere in this list; expected "Paper".',
          line: 6,
          column: 41,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/d)]
`,
        },
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023. [Paper](https://example.org/d)
`,
          message: 'Link "Paper" has no brackets around it; expected "[[Paper](…)]", as the list\'s house style has.',
          line: 6,
          column: 39,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/d)]
`,
        },
      ],
    },
  },
};
