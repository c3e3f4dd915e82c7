import type { Entry, PaperList, Section } from '../model';

/** One entry as `paperlist export` prints it: 1-based lines, and null for every field the entry lacks. */
export interface ExportedEntry {
  line: number;
  /** The last line of the entry's list item. */
  endLine: number;
  /** The texts of the headings above the entry, from the top; the document root has none. */
  sections: string[];
  number: number | null;
  title: string | null;
  /** The URL of a title written as a link. */
  titleUrl: string | null;
  authors: string | null;
  venue: string | null;
  year: number | null;
  date: string | null;
  arxivId: string | null;
  doi: string | null;
  links: { label: string; url: string }[];
}

/** The entries of one file, as `paperlist export --format json` prints them. */
export interface ExportedFile {
  file: string;
  entries: ExportedEntry[];
}

/** The columns of the CSV export, in order; `file` comes first so that rows of several files can share one table. */
export const exportColumns = ['file', 'line', 'endLine', 'sections', 'number', 'title', 'titleUrl', 'authors', 'venue', 'year', 'date', 'arxivId', 'doi', 'links'] as const;

/** Every entry of the list in document order, as plain data that JSON and CSV can hold. */
export function exportEntries(list: PaperList): ExportedEntry[] {
  return list.entries.map((entry) => exportEntry(list, entry));
}

function exportEntry(list: PaperList, entry: Entry): ExportedEntry {
  return {
    line: list.lines.lineAt(entry.span.start) + 1,
    // The span ends after the item's last character, which may be where the next line starts.
    endLine: list.lines.lineAt(Math.max(entry.span.start, entry.span.end - 1)) + 1,
    sections: headingPath(entry.section),
    number: entry.number?.value ?? null,
    title: entry.title?.text ?? null,
    titleUrl: entry.titleUrl?.text ?? null,
    authors: entry.authors?.text ?? null,
    venue: entry.venue?.text ?? null,
    year: entry.year?.value ?? null,
    date: entry.date?.text ?? null,
    arxivId: entry.arxivId ?? null,
    doi: entry.doi ?? null,
    links: entry.links.map((link) => ({ label: link.label, url: link.url })),
  };
}

function headingPath(section: Section): string[] {
  const path: string[] = [];
  for (let at: Section | undefined = section; at; at = at.parent) if (at.heading) path.push(at.heading.text);
  return path.reverse();
}

/** A CSV table of the entries of every file: a header row, then one row per entry, each ending in `\n` (RFC 4180 quoting). */
export function entriesToCsv(files: readonly ExportedFile[]): string {
  const rows = [exportColumns.join(',')];
  for (const { file, entries } of files) {
    for (const entry of entries) {
      const cells = exportColumns.map((column) => {
        if (column === 'file') return file;
        if (column === 'sections') return entry.sections.join(' > ');
        if (column === 'links') return entry.links.map((link) => `${link.label} <${link.url}>`).join(' | ');
        const value = entry[column];
        return value === null ? '' : String(value);
      });
      rows.push(cells.map(csvField).join(','));
    }
  }
  return rows.map((row) => `${row}\n`).join('');
}

/** Quotes a field that holds a comma, a quote or a line break, doubling its quotes, as RFC 4180 asks. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
