import type { Entry, PaperList } from '../model';
import type { Fix, Rule, TextEdit } from '../rule';
import { normaliseTitle, type Span } from '../text';
import { sameTitle } from './entryDuplicate';
import { entryHeadSpan } from './entryHeadSpan';

type FieldName = 'title' | 'authors' | 'venue' | 'year';

const fieldNames: readonly FieldName[] = ['title', 'authors', 'venue', 'year'];
const fieldLabels: Record<FieldName, string> = { title: 'Title differs', authors: 'Authors differ', venue: 'Venue differs', year: 'Year differs' };
/** An elided text keeps at least this many characters, so that "…al" becomes "…Zhao et al". */
const minShown = 15;
/** More fixes than this crowd the quick-fix menu without helping. */
const maxFixes = 3;
/** Related locations per finding; a paper copied into hundreds of sections would otherwise cost n² of them. */
const maxRelated = 20;

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
const fieldTexts = new WeakMap<Entry, (string | undefined)[]>();

function fieldTextsOf(list: PaperList, entry: Entry): (string | undefined)[] {
  let texts = fieldTexts.get(entry);
  if (!texts) {
    texts = fieldNames.map((field) => fieldText(list, entry, field));
    fieldTexts.set(entry, texts);
  }
  return texts;
}

const signatures = new WeakMap<Entry, string>();

/** All compared fields of an entry as one string, equal for two entries exactly when every field is. */
function signatureOf(list: PaperList, entry: Entry): string {
  let signature = signatures.get(entry);
  if (signature === undefined) {
    signature = fieldTextsOf(list, entry)
      .map((value) => (value === undefined ? '\u0000' : `=${value}`))
      .join('\u0001');
    signatures.set(entry, signature);
  }
  return signature;
}


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

/** The same paper appears in several sections with a different title, authors, venue or year. */
export const entryInconsistentRule: Rule = {
  code: 'entry-inconsistent',
  defaultSeverity: 'warning',
  description: 'The same paper appears in several sections with a different title, authors, venue or year.',
  fixable: true,
  check({ list, report }) {
    // One copy per section: a second copy in the same section is entry-duplicate's business.
    // Entries with one id but clearly different titles are two papers (entry-duplicate reports the wrong
    // link), so each id holds one group per title.
    const byIdentity = new Map<string, Entry[][]>();
    for (const entry of list.entries) {
      const groups = byIdentity.get(entry.identity);
      if (!groups) {
        byIdentity.set(entry.identity, [[entry]]);
        continue;
      }
      const group = groups.length === 1 && entry.identity.startsWith('title:') ? groups[0] : groups.find((candidate) => sameTitle(candidate[0], entry));
      if (!group) groups.push([entry]);
      // Groups are small, so a scan finds an earlier copy in the same section faster than a keyed set.
      else if (!group.some((other) => other.section === entry.section)) group.push(entry);
    }

    for (const group of [...byIdentity.values()].flat(1)) {
      if (group.length < 2) continue;
      // Most papers listed twice agree in every field: one comparison per copy settles them.
      const signature = signatureOf(list, group[0]);
      if (group.every((entry) => signatureOf(list, entry) === signature)) continue;
      const values = group.map((entry) => fieldTextsOf(list, entry));
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

        const fixes: Fix[] = [];
        for (const other of fixOrder) {
          if (fixes.length === maxFixes) break;
          if (other === index) continue;
          const edits: TextEdit[] = [];
          for (let field = 0; field < fieldNames.length; field++) {
            const mine = fieldSpan(entry, fieldNames[field]);
            const theirs = fieldSpan(group[other], fieldNames[field]);
            if (!mine || !theirs || keys[index][field] === keys[other][field]) continue;
            edits.push({ start: mine.start, end: mine.end, newText: list.text.slice(theirs.start, theirs.end) });
          }
          if (edits.length) fixes.push({ title: `Make this entry match line ${group[other].line + 1}`, edits, safe: false });
        }

        report({
          span: entryHeadSpan(list, entry),
          message: sentences.join(' '),
          related: group
            .filter((other) => other !== entry)
            .slice(0, maxRelated)
            .map((other) => ({ span: entryHeadSpan(list, other), message: `Another copy, in ${sectionName(other)}` })),
          entry: entry.index,
          fixes,
        });
      });
    }
  },
};
