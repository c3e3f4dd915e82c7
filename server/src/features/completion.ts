import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
  type Connection,
} from 'vscode-languageserver/node';
import { isAbsolute, join } from 'node:path';
import { bibRecordCompletions, completionsAt, type CompletionKind } from '../core/features/index';
import type { BibRecord } from '../core/features/bibtex';
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
  'bib-record': CompletionItemKind.Reference,
};

/** Turns a snippet into the text it inserts when every placeholder keeps its default, for clients without snippets. */
export function snippetToPlainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)?\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}

/** The papers of the `paperList.bibFiles` files of a document. */
function bibRecordsOf(analysis: Analysis, bibFiles: BibFiles): BibRecord[] {
  const files = analysis.settings.bibFiles;
  if (!files.length) return [];
  // An untitled document has no folder of its own: relative paths start from the first workspace folder.
  const documentPath = URI.toFsPath(analysis.uri) ?? (bibFiles.workspaceFolders[0] ? join(bibFiles.workspaceFolders[0], 'untitled.md') : undefined);
  return bibFiles.recordsFor(documentPath ?? '/', documentPath ? files : files.filter((file) => isAbsolute(file)));
}

export function registerCompletion(connection: Connection, documents: PaperDocuments, capabilities: { snippets: boolean }, bibFiles: BibFiles): void {
  connection.onCompletion(
    guard(connection, 'completion', [], async (params: CompletionParams): Promise<CompletionItem[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const offset = offsetOf(analysis.list, params.position);
      if (offset === undefined) return [];
      const config = configOf(analysis);
      const found = completionsAt(analysis.list, offset, config);
      const papers = analysis.settings.bibFiles.length ? bibRecordCompletions(analysis.list, params.position.line, () => bibRecordsOf(analysis, bibFiles), config) : [];
      return [...found, ...papers].map((item): CompletionItem => {
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
    }),
  );
}
