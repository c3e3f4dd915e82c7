import type { Entry } from '../model';
import type { Rule } from '../rule';
import type { Span } from '../text';
import { expectationsFor } from '../fieldExpectations';

/** Longest piece of an entry's text quoted in a message. */
const quoteLength = 60;

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > quoteLength ? `${oneLine.slice(0, quoteLength - 1)}…` : oneLine;
}

/** Offset of the item's content: past the indentation, the list marker and the space after it. */
function itemContentStart(text: string, item: Span): number {
  let at = item.start;
  const skip = (test: (ch: string) => boolean) => {
    while (at < item.end && test(text[at])) at++;
  };
  skip((ch) => ch === ' ' || ch === '\t');
  if (/\d/.test(text[at] ?? '')) {
    skip((ch) => ch >= '0' && ch <= '9');
    if (text[at] === '.' || text[at] === ')') at++;
  } else if (at < item.end && '-*+'.includes(text[at])) at++;
  skip((ch) => ch === ' ' || ch === '\t');
  return at;
}

/** Offset where the first line of the item's content ends, or its first link starts if that is earlier. */
function firstLineEnd(text: string, entry: Entry, from: number): number {
  let end = from;
  while (end < entry.span.end && text[end] !== '\n' && text[end] !== '\r') end++;
  const firstLink = entry.links[0]?.group.start;
  if (firstLink !== undefined && firstLink > from && firstLink < end) end = firstLink;
  while (end > from + 1 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return Math.max(end, Math.min(from + 1, entry.span.end));
}

/** Whether the text holds a four-digit number that could be a year, such as 1998 or 2023. */
function holdsYear(text: string): boolean {
  let digits = 0;
  for (let at = 0; at <= text.length; at++) {
    const isDigit = at < text.length && text[at] >= '0' && text[at] <= '9';
    if (isDigit) digits++;
    else if (digits === 4 && (text[at - 4] === '1' || text[at - 4] === '2')) return true;
    else digits = 0;
  }
  return false;
}

/**
 * An item without a bold title counts as a paper only when it shows authors or a year; one that is only
 * a label and links, such as `<u>Wikipedia</u>: [[Source](…)]`, is a resource and needs no title.
 */
function looksLikePaper(entry: Entry, text: string, contentStart: number): boolean {
  if (entry.authors) return true;
  const end = entry.links[0]?.group.start ?? entry.span.end;
  return holdsYear(text.slice(contentStart, Math.max(contentStart, end)));
}

/** Why a pair of `**` markers that stand in the source does not render as bold, and what would. */
function whyNotBold(raw: string): string {
  if (/^\s|\s$/.test(raw)) return 'because of white space right inside the "**" markers; expected the title right against them';
  if (raw.replace(/\\./g, '').includes('*')) return 'because of a stray "*" inside; expected the "*" escaped as "\\*" or removed';
  return 'because of the markdown inside it; expected plain text between the "**" markers';
}

function problemOf(entry: Entry, text: string): { span: Span; message: string } | undefined {
  const contentStart = itemContentStart(text, entry.span);
  switch (entry.titleProblem) {
    case 'missing': {
      if (!looksLikePaper(entry, text, contentStart)) return undefined;
      const end = firstLineEnd(text, entry, contentStart);
      return {
        span: { start: contentStart, end },
        message: `Entry "${quote(text.slice(contentStart, end))}" has no bold title; expected it to start with the title as **Title**.`,
      };
    }
    case 'unclosed': {
      const end = firstLineEnd(text, entry, contentStart);
      return {
        span: { start: contentStart, end },
        message: `Title "${quote(text.slice(contentStart, end))}" opens with "**" that is never closed; expected a closing "**" after the title.`,
      };
    }
    case 'empty': {
      const span = entry.title?.outer ?? { start: contentStart, end: Math.min(contentStart + 4, entry.span.end) };
      return { span, message: 'Title is empty; expected the paper\'s title between the "**" markers.' };
    }
    case 'broken': {
      if (!entry.title) return undefined;
      const raw = text.slice(entry.title.outer.start + 2, entry.title.outer.end - 2);
      return { span: entry.title.outer, message: `Title "${quote(entry.title.text)}" does not render as bold ${whyNotBold(raw)}.` };
    }
    default:
      return undefined;
  }
}

/** A title read in another style, in a list that writes its titles in bold. */
function notBold(entry: Entry): { span: Span; message: string } | undefined {
  if (!entry.title || entry.titleProblem || entry.titleStyle === 'bold' || entry.titleStyle === 'cell') return undefined;
  return {
    span: entry.title.outer,
    message: `Title "${quote(entry.title.text)}" is not in bold; expected **Title**, as the list's other entries have it.`,
  };
}

/** In a list of bold titles, an entry has no bold title, an unclosed or empty one, or one that does not render as bold. */
export const entryTitleRule: Rule = {
  code: 'entry-title',
  defaultSeverity: 'error',
  description: 'In a list that writes its titles in bold, an entry has no bold title, an unclosed or empty one, or one that does not render as bold.',
  fixable: false,
  scope: 'entry',
  contextKey: ({ list }) => expectationsFor(list).key,
  check({ list, entries, report }) {
    const expected = expectationsFor(list);
    for (const entry of entries) {
      // Where titles are not written in bold, an entry without a bold title is in the house style.
      const boldHouse = expected.of(entry).boldTitle;
      if (!boldHouse && (entry.titleProblem === 'missing' || entry.titleStyle !== 'bold')) continue;
      const problem = problemOf(entry, list.text) ?? notBold(entry);
      if (problem) report({ ...problem, entry: entry.index });
    }
  },
  docs: {
    summary: 'in a list of bold titles: no bold title, an unclosed or empty one, or one that does not render as bold',
    fix: '–',
    details: `In a list that writes its titles in bold: an entry whose title is not bold, a \`**\` that never closes,
nothing between the markers, or markers that pair up in the source but do not render as bold (a stray \`*\`
inside, as in \`**… 90\\%* chatgpt quality**\`). Lists with plain or linked titles are not asked for bold.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        `# Papers

- Alpha. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
- Beta. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
- Gamma. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/d)]
`,
          message: 'Title "**Delta. *Ng et al.* EMNLP 2023." opens with "**" that is never closed; expected a closing "**" after the title.',
          line: 6,
          column: 4,
        },
      ],
    },
  },
};
