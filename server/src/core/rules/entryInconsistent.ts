import { reportsPerGroup } from '../analysis/identityGroups';
import { memoPerEntry } from '../memo';
import type { Entry, PaperList, Section } from '../model';
import type { Fix, Rule, TextEdit } from '../rule';
import { normaliseTitle, type Span } from '../text';
import { sameTitle } from './entryDuplicate';
import { entryHeadSpan } from '../analysis/entryHeadSpan';

type FieldName = 'title' | 'authors' | 'venue' | 'year';

const fieldNames: readonly FieldName[] = ['title', 'authors', 'venue', 'year'];
const fieldLabels: Record<FieldName, string> = { title: 'Title differs', authors: 'Authors differ', venue: 'Venue differs', year: 'Year differs' };
/** An elided text keeps at least this many characters, so that "…al" becomes "…Zhao et al". */
const minShown = 15;
/** More fixes than this crowd the quick-fix menu without helping. */
const maxFixes = 3;
/** Related locations per finding, as the editor shows them; the other copies are a "Find All References" away. */
const maxRelated = 3;

/** Where a field's text stands: inside the bold and the italics for title and authors. */
function fieldSpan(entry: Entry, field: FieldName): Span | undefined {
  return entry[field];
}

/**
 * The field as written in the source, so titles and authors keep their escapes; trimmed, and with runs
 * of white space as one space, since a line break inside an entry renders as a space. Undefined when absent.
 */
function fieldText(list: PaperList, entry: Entry, field: FieldName): string | undefined {
  const span = fieldSpan(entry, field);
  if (!span) return undefined;
  const written = list.text.slice(span.start, span.end).trim();
  // Most fields have single spaces only: kept as a slice of the text rather than rebuilt piece by piece,
  // which on a list with thousands of repeated papers holds tens of megabytes of string fragments.
  return /\s\s|[^\S ]/.test(written) ? written.replace(/\s+/g, ' ') : written;
}

/** Field texts per entry; an entry object is only kept across edits while its text stays the same. */
const fieldTextsOf = memoPerEntry((entry, list: PaperList) => fieldNames.map((field) => fieldText(list, entry, field)));

/** All compared fields of an entry as one string, equal for two entries exactly when every field is. */
const signatureOf = memoPerEntry((entry, list: PaperList) =>
  fieldTextsOf(entry, list)
    .map((value) => (value === undefined ? '\u0000' : `=${value}`))
    .join('\u0001'),
);


function sectionName(entry: Entry): string {
  return entry.section.heading ? `section ${entry.section.title}` : 'the text before the first heading';
}

/** Shows two differing texts side by side, eliding a long common start or end at a word boundary. */
function contrast(here: string, there: string): [string, string] {
  let prefix = 0;
  while (prefix < here.length && prefix < there.length && here[prefix] === there[prefix]) prefix++;
  const wordStart = () => {
    while (prefix > 0 && here[prefix - 1] !== ' ') prefix--;
  };
  wordStart();
  while (prefix > 0 && Math.min(here.length, there.length) - prefix < minShown) {
    prefix--;
    wordStart();
  }
  let suffix = 0;
  const limit = Math.min(here.length, there.length) - prefix;
  while (suffix < limit && here[here.length - 1 - suffix] === there[there.length - 1 - suffix]) suffix++;
  while (suffix > 0 && here[here.length - suffix] !== ' ') suffix--;
  const elideStart = prefix > 12;
  const elideEnd = suffix > 30;
  const cut = (text: string) =>
    (elideStart ? '…' : '') + text.slice(elideStart ? prefix : 0, elideEnd ? text.length - suffix : text.length) + (elideEnd ? '…' : '');
  return [cut(here), cut(there)];
}

/**
 * What two copies must share for a field to count as the same. Titles and venues may differ in case and
 * in a final period; authors also in affiliations in parentheses, initials and punctuation, so that
 * "Maxwell I. Nye et al" matches "Maxwell Nye et al.".
 */
function comparable(field: FieldName, value: string): string {
  if (field === 'year') return value;
  if (field !== 'authors') return value.toLowerCase().replace(/\.$/, '');
  const withoutAffiliations = value.replace(/\([^()]*\)/g, ' ');
  return normaliseTitle(withoutAffiliations)
    .split(' ')
    .filter((word) => word.length > 1 && word !== 'et' && word !== 'al')
    .join(' ');
}

function quoted(value: string | undefined): string {
  return value === undefined ? 'none' : `"${value}"`;
}

/**
 * For each field, the value most copies agree on; on a tie, the value of the earliest copy among the
 * tied values, so that with no majority the first copy is taken as right.
 */
function referenceValues(copies: readonly string[][]): string[] {
  return fieldNames.map((_, field) => {
    const counts = new Map<string, number>();
    for (const copy of copies) counts.set(copy[field], (counts.get(copy[field]) ?? 0) + 1);
    let best = copies[0][field];
    for (const copy of copies) if (counts.get(copy[field])! > counts.get(best)!) best = copy[field];
    return best;
  });
}

/** What entry-inconsistent reports about one copy, kept per group of copies: no offsets, see `GroupMemo`. */
interface CopyReport {
  entry: Entry;
  message: string;
  related: Entry[];
  fixes: { title: string; other: Entry; fields: FieldName[] }[];
}

/**
 * Splits the entries of one identity into papers (one id with clearly different titles is two papers;
 * entry-duplicate reports the wrong link), keeping one copy per section: a second copy in the same section
 * is entry-duplicate's business.
 */
function papersOf(identity: string, members: readonly Entry[]): Entry[][] {
  const papers: { copies: Entry[]; sections: Set<Section> }[] = [];
  for (const entry of members) {
    const paper = papers.length === 1 && identity.startsWith('title:') ? papers[0] : papers.find((candidate) => sameTitle(candidate.copies[0], entry));
    if (!paper) papers.push({ copies: [entry], sections: new Set([entry.section]) });
    else if (!paper.sections.has(entry.section)) {
      paper.copies.push(entry);
      paper.sections.add(entry.section);
    }
  }
  return papers.map((paper) => paper.copies);
}

/** The reports on the copies of one paper whose fields differ from what most copies say. */
function reportsOnCopies(list: PaperList, group: readonly Entry[], reports: CopyReport[]): void {
  // Most papers listed twice agree in every field: one comparison per copy settles them.
  const signature = signatureOf(group[0], list);
  if (group.every((entry) => signatureOf(entry, list) === signature)) return;
  const values = group.map((entry) => fieldTextsOf(entry, list));
  // A missing field counts as a value of its own, so that "arXiv" against no venue is reported.
  const keys = values.map((copy) => copy.map((value, field) => (value === undefined ? '\u0000' : `=${comparable(fieldNames[field], value)}`)));
  const reference = referenceValues(keys);
  // Fixes first offer the copies that agree most with the majority, then follow document order.
  const agreement = keys.map((copy) => copy.filter((key, field) => key === reference[field]).length);
  const fixOrder = group.map((_, index) => index).sort((a, b) => agreement[b] - agreement[a] || a - b);

  group.forEach((entry, index) => {
    const wrong = fieldNames.flatMap((_, field) => (keys[index][field] === reference[field] ? [] : [field]));
    if (!wrong.length) return;
    const sentences = wrong.map((field) => {
      const source = keys.findIndex((copy) => copy[field] === reference[field]);
      const here = values[index][field];
      const there = values[source][field];
      const [shownHere, shownThere] = here !== undefined && there !== undefined ? contrast(here, there) : [here, there];
      const label = fieldLabels[fieldNames[field]];
      return `${label} from the copy on line ${group[source].line + 1}: ${quoted(shownHere)} here, ${quoted(shownThere)} there.`;
    });

    const fixes: CopyReport['fixes'] = [];
    for (const other of fixOrder) {
      if (fixes.length === maxFixes) break;
      if (other === index) continue;
      const fields = fieldNames.filter(
        (field, f) => fieldSpan(entry, field) && fieldSpan(group[other], field) && keys[index][f] !== keys[other][f],
      );
      if (fields.length) fixes.push({ title: `Make this entry match line ${group[other].line + 1}`, other: group[other], fields });
    }
    const related: Entry[] = [];
    for (const other of group) {
      if (related.length === maxRelated) break;
      if (other !== entry) related.push(other);
    }
    reports.push({ entry, message: sentences.join(' '), related, fixes });
  });
}

/** The same paper appears in several sections with a different title, authors, venue or year. */
export const entryInconsistentRule: Rule = {
  code: 'entry-inconsistent',
  defaultSeverity: 'warning',
  description: 'The same paper appears in several sections with a different title, authors, venue or year.',
  fixable: true,
  check({ list, report }) {
    const reports = reportsPerGroup(list, 'entry-inconsistent', (identity, members) => {
      const found: CopyReport[] = [];
      for (const copies of papersOf(identity, members)) if (copies.length > 1) reportsOnCopies(list, copies, found);
      return found;
    });
    // Offsets are taken now, from where the copies stand in this version of the text.
    for (const { entry, message, related, fixes } of reports) {
      report({
        span: entryHeadSpan(list, entry),
        message,
        related: related.map((other) => ({ span: entryHeadSpan(list, other), message: `Another copy, in ${sectionName(other)}` })),
        entry: entry.index,
        fixes: fixes.map(({ title, other, fields }): Fix => ({
          title,
          safe: false,
          edits: fields.map((field): TextEdit => {
            const mine = fieldSpan(entry, field)!;
            const theirs = fieldSpan(other, field)!;
            return { start: mine.start, end: mine.end, newText: list.text.slice(theirs.start, theirs.end) };
          }),
        })),
      });
    }
  },
  docs: {
    summary: 'the same paper in several sections with a different title, authors, venue or year',
    fix: 'copy the other copy\'s fields',
    details: `The same paper in several sections with a different title, authors, venue or year. The version most
copies share is taken as right; the message names the fields that differ and the other copies are
linked as related information. Case and a final period do not count as a difference; for authors,
neither do affiliations in parentheses, initials and punctuation (\`*Maxwell I. Nye et al*\` is
\`*Maxwell Nye et al.*\`). Fix (never part of fix-all): make this entry match another copy.`,
    examples: {
      valid: [
        `# Papers

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]

## Safety

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
`,
      ],
      invalid: [
        {
          text: `# Papers

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]

## Safety

1. **Alpha**. *Li et al.* ICML 2019. [[Paper](https://example.org/a)]
`,
          message: 'Year differs from the copy on line 5: "2019" here, "2020" there.',
          line: 11,
          column: 4,
          fixed: `# Papers

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]

## Safety

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
`,
        },
      ],
    },
  },
};
