import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
  type Connection,
} from 'vscode-languageserver/node';
import { isAbsolute, join } from 'node:path';
import { completionsAt, type CompletionKind } from '../core/features/index';
import { formatRecordsAt, type BibRecord } from '../core/features/bibtex';
import type { BibFiles } from '../node/bibFiles';
import { configOf } from './commands';
import { offsetOf, rangeOf } from './convert';
import type { Analysis, PaperDocuments } from './documents';
import { guard } from './guard';
import { URI } from './uri';

export const completionTriggerCharacters = ['[', '*', ' '];

const kinds: Record<CompletionKind, CompletionItemKind> = {
  'link-label': CompletionItemKind.Keyword,
  venue: CompletionItemKind.Value,
  author: CompletionItemKind.Text,
  number: CompletionItemKind.EnumMember,
  title: CompletionItemKind.Reference,
  'entry-snippet': CompletionItemKind.Snippet,
};

/** Turns a snippet into the text it inserts when every placeholder keeps its default, for clients without snippets. */
export function snippetToPlainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

/** A list item's marker and the white space after it; what follows it decides whether an entry is started. */
const itemMarkerPattern = /^[ \t]*(?:\d{1,9}[.)]|[-*+])(?:[ \t]+|$)/;

/** `Surname et al. · venue year`, what tells two papers of the same title apart. */
export function bibRecordDetail(record: BibRecord): string {
  const surname = record.firstSurname ?? record.authors[0]?.split(/\s+/).pop();
  const authors = surname ? `${surname}${record.authors.length > 1 || record.moreAuthors ? ' et al.' : ''}` : '';
  const venueYear = [record.venue, record.year].filter((part) => part !== undefined && part !== '').join(' ');
  return [authors, venueYear].filter(Boolean).join(' · ');
}

/**
 * One item per record of the `paperList.bibFiles` files, on a list item whose text after the marker has
 * neither a bold title nor a link yet: the user is starting an entry. Each replaces the whole line with
 * the record as an entry in the list's style, numbered on from the item above (as "Add Paper from
 * BibTeX" numbers it), so a number typed by hand gives way to the list's own numbering.
 */
function bibCompletions(analysis: Analysis, line: number, bibFiles: BibFiles): CompletionItem[] {
  const files = analysis.settings.bibFiles;
  if (!files.length) return [];
  const { list } = analysis;
  const block = list.blocks.find((candidate) => candidate.startLine === line);
  if (block?.kind !== 'item') return [];
  const start = list.lines.lineStarts[line];
  const end = list.lines.lineEnd(line);
  const text = list.text.slice(start, end);
  const marker = itemMarkerPattern.exec(text);
  if (!marker) return [];
  const rest = text.slice(marker[0].length);
  if (rest.includes('**') || rest.includes('[')) return [];
  // An untitled document has no folder of its own: relative paths start from the first workspace folder.
  const documentPath = URI.toFsPath(analysis.uri) ?? (bibFiles.workspaceFolders[0] ? join(bibFiles.workspaceFolders[0], 'untitled.md') : undefined);
  const records = bibFiles.recordsFor(documentPath ?? '/', documentPath ? files : files.filter((file) => isAbsolute(file)));
  if (!records.length) return [];
  const config = configOf(analysis);
  const indent = /^[ \t]*/.exec(text)![0];
  const eol = list.text.includes('\r\n') ? '\r\n' : '\n';
  const range = rangeOf(list, { start, end });
  // One record gives one line today; should the house style put the authors on a line of their own, every
  // line of the record still belongs to this one item.
  const entryText = (record: BibRecord): string =>
    formatRecordsAt(list, [record], line, config).map((row) => indent + row).join(eol);
  return records.map((record, index): CompletionItem => ({
    label: record.title,
    kind: CompletionItemKind.Reference,
    detail: bibRecordDetail(record),
    sortText: `bib${String(index).padStart(6, '0')}`,
    // Editors match the text from the start of the replaced range, which here is the whole line: the
    // typed marker comes first, then the title.
    filterText: `${marker[0]}${record.title}`,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: entryText(record) },
  }));
}

export function registerCompletion(connection: Connection, documents: PaperDocuments, capabilities: { snippets: boolean }, bibFiles: BibFiles): void {
  connection.onCompletion(
    guard(connection, 'completion', [], async (params: CompletionParams): Promise<CompletionItem[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const offset = offsetOf(analysis.list, params.position);
      if (offset === undefined) return [];
      const items = completionsAt(analysis.list, offset, configOf(analysis)).map((item): CompletionItem => {
        const snippet = item.snippet && capabilities.snippets;
        const newText = item.snippet && !snippet ? snippetToPlainText(item.insertText) : item.insertText;
        return {
          label: item.label,
          kind: kinds[item.kind],
          detail: item.detail,
          sortText: item.sortText,
          filterText: item.filterText,
          insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: { range: rangeOf(analysis.list, item.replace), newText },
        };
      });
      return [...items, ...bibCompletions(analysis, params.position.line, bibFiles)];
    }),
  );
}
