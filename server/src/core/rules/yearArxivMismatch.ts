import type { Rule } from '../rule';

/** A venue that names arXiv itself: "arXiv", "arXiv preprint", "ArXiv e-prints", "CoRR". */
const arxivVenuePattern = /^(?:arxiv|corr)(?![\p{L}\p{N}])/iu;
/** Words that may follow arXiv's name in a venue that is arXiv alone: "preprint", "e-prints", an id, a month. */
const arxivVenueWord = /^(?:arxiv|corr|preprints?|e-?prints?|abs|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/i;
/** An id or a version: any word with a digit, such as `abs/2210.11416` or `arXiv:2210.11416v2`. */
const idWord = /\d/;

/**
 * Whether the venue is arXiv and nothing else, so that the year after it is arXiv's: `arXiv. EMNLP` and a
 * venue that runs on to the next line (`arxiv, 2024⏎Zhang, CVPR`) end with another venue, whose year it is.
 */
function isArxivOnly(venue: string): boolean {
  if (!arxivVenuePattern.test(venue) || /[\r\n]/.test(venue)) return false;
  return venue.split(/[\s,;:()]+/).every((word) => !word || idWord.test(word) || arxivVenueWord.test(word));
}

/** A new-style id, `YYMM.NNNNN`, since April 2007. */
const newStylePattern = /^(\d{2})(\d{2})\.\d{4,5}$/;
/** An old-style id, `archive/YYMMNNN` or `archive.XX/YYMMNNN`, from 1991 to March 2007. */
const oldStylePattern = /\/(\d{2})\d{5}$/;

/** The year an arXiv id was submitted in, from the two year digits it starts with; undefined when unreadable. */
function arxivYear(id: string): number | undefined {
  const newStyle = newStylePattern.exec(id);
  if (newStyle) return 2000 + Number(newStyle[1]);
  const oldStyle = oldStylePattern.exec(id);
  if (!oldStyle) return undefined;
  const twoDigits = Number(oldStyle[1]);
  // arXiv opened in 1991, so old-style ids with 91 to 99 are from the 1990s.
  return twoDigits >= 91 ? 1900 + twoDigits : 2000 + twoDigits;
}

/**
 * Whether the four digits read as the year are really part of a longer number, such as the
 * `2210` of `arXiv:2210.11416` in an entry without a year; rewriting them would break the id.
 */
function isPartOfNumber(text: string, start: number, end: number): boolean {
  const digitAt = (at: number) => at >= 0 && at < text.length && text[at] >= '0' && text[at] <= '9';
  return (text[end] === '.' && digitAt(end + 1)) || (text[start - 1] === '.' && digitAt(start - 2));
}

/** Every new-style arXiv id the entry's text names, in links or in prose. */
const idsInText = /arxiv(?:\.org\/(?:abs|pdf|html)\/|:\s?)(\d{4}\.\d{4,5})/gi;

/** Whether the entry names arXiv ids of other years than `expected`, as a link nested in another does; the id the year is checked against may then be the wrong one. */
function namesOtherYears(text: string, expected: number): boolean {
  for (const match of text.matchAll(idsInText)) if (arxivYear(match[1]) !== expected) return true;
  return false;
}

/** The venue is arXiv and the year differs from the year in the arXiv id. */
export const yearArxivMismatchRule: Rule = {
  code: 'year-arxiv-mismatch',
  defaultSeverity: 'warning',
  description: 'The venue is arXiv and the year differs from the year in the arXiv id.',
  fixable: true,
  scope: 'entry',
  check({ list, entries, currentYear, report }) {
    for (const entry of entries) {
      if (!entry.year || !entry.arxivId || !entry.venue) continue;
      const year = entry.year;
      const venue = entry.venue;
      if (!isArxivOnly(venue.text)) continue;
      // A year inside a link's label, `[NeurIPS 2023](…)`, is that label's, not the entry's.
      if (entry.links.some((link) => link.span.start < year.end && year.start < link.span.end)) continue;
      // An implausible year is entry-year's business, and a piece of an id is no year at all.
      if (entry.year.value > currentYear + 1 || isPartOfNumber(list.text, entry.year.start, entry.year.end)) continue;
      const expected = arxivYear(entry.arxivId);
      if (expected === undefined || expected === entry.year.value) continue;
      const date = entry.date;
      if (date && date.start <= entry.year.start && entry.year.end <= date.end) {
        // The year comes from a date before the title; a later date may be the venue's, so the fix is offered, not applied.
        const month = newStylePattern.exec(entry.arxivId)?.[2];
        const newDate = date.text.replace(/\d{4}/, String(expected)).replace(/([/.-])\d{1,2}/, (_, separator: string) => (month ? separator + month : _));
        report({
          span: date,
          message: `Date ${date.text} does not match arXiv ${entry.arxivId}, which dates from ${expected}${month ? `/${month}` : ''}; expected ${newDate}.`,
          fixes: [{ title: `Change the date to ${newDate}`, edits: [{ start: date.start, end: date.end, newText: newDate }], safe: false, preferred: true }],
          entry: entry.index,
        });
        continue;
      }
      // All that stands between the venue and the year must be arXiv's too, else the year is another venue's.
      const venueToYear = list.text.slice(Math.min(venue.start, year.end), Math.max(venue.end, year.start)).replace(/^[\s,.;:(]+/, '');
      if (!isArxivOnly(venueToYear)) continue;
      report({
        span: entry.year,
        message: `Year ${entry.year.value} does not match arXiv ${entry.arxivId}, which dates from ${expected}; expected ${expected}.`,
        fixes: [
          {
            title: `Change the year to ${expected}`,
            edits: [{ start: entry.year.start, end: entry.year.end, newText: String(expected) }],
            safe: !namesOtherYears(list.text.slice(entry.span.start, entry.span.end), expected),
            preferred: true,
            changesMeaning: 'arxiv-year',
          },
        ],
        entry: entry.index,
      });
    }
  },
  docs: {
    summary: 'venue arXiv, and the year differs from the year in the arXiv id',
    fix: 'set the year (safe)',
    details: `The venue is arXiv and the year differs from the year encoded in the arXiv id. Fix: set the
year. In lists that date entries before the title, a date that contradicts the arXiv id is reported too
(\`Date [2023/04] does not match arXiv 1602.03483, which dates from 2016/02\`); since a later date may be the
venue's, that fix is offered but not part of fix-all.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Scaling instruction-finetuned language models**. *Chung et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2210.11416.pdf)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Scaling instruction-finetuned language models**. *Chung et al.* arXiv 2021. [[Paper](https://arxiv.org/pdf/2210.11416.pdf)]
`,
          message: 'Year 2021 does not match arXiv 2210.11416, which dates from 2022; expected 2022.',
          line: 5,
          column: 76,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Scaling instruction-finetuned language models**. *Chung et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2210.11416.pdf)]
`,
        },
      ],
    },
  },
};
