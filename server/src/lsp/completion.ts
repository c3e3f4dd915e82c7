import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
  type Connection,
} from 'vscode-languageserver';
import { bibRecordCompletions, completionsAt, type CompletionKind } from '../core/features/index';
import { configOf } from '../infrastructure/documents';
import { offsetOf, rangeOf } from './convert';
import type { PaperDocuments } from '../infrastructure/documents';
import type { ServerEnvironment } from '../infrastructure/environment';
import { guard } from '../infrastructure/guard';

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

/** Replaces each choice `${N|a,b|}` with its first option (still escaped), by a scan rather than a regular expression. */
function firstChoices(snippet: string): string {
  let out = '';
  let index = 0;
  for (;;) {
    const start = snippet.indexOf('${', index);
    const header = start === -1 ? null : /^\$\{\d+\|/.exec(snippet.slice(start, start + 14));
    if (start === -1) return out + snippet.slice(index);
    if (!header) {
      out += snippet.slice(index, start + 2);
      index = start + 2;
      continue;
    }
    let position = start + header[0].length;
    let first = '';
    let inFirst = true;
    let closed = false;
    while (position < snippet.length) {
      const ch = snippet[position];
      if (ch === '\\' && position + 1 < snippet.length) {
        if (inFirst) first += snippet.slice(position, position + 2);
        position += 2;
      } else if (ch === ',' || ch === '|') {
        inFirst = false;
        if (ch === '|' && snippet[position + 1] === '}') {
          closed = true;
          position += 2;
          break;
        }
        position++;
      } else {
        if (inFirst) first += ch;
        position++;
      }
    }
    if (!closed) return out + snippet.slice(index);
    out += snippet.slice(index, start) + first;
    index = position;
  }
}

/** Turns a snippet into the text it inserts when every placeholder keeps its default, for clients without snippets. */
export function snippetToPlainText(snippet: string): string {
  return firstChoices(snippet)
    .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}

export function registerCompletion(connection: Connection, documents: PaperDocuments, capabilities: { snippets: boolean }, environment: ServerEnvironment): void {
  connection.onCompletion(
    guard(connection, 'completion', [], async (params: CompletionParams): Promise<CompletionItem[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const offset = offsetOf(analysis.list, params.position);
      if (offset === undefined) return [];
      const config = configOf(analysis);
      const found = completionsAt(analysis.list, offset, config);
      const bibFiles = analysis.settings.bibFiles;
      if (bibFiles.length && environment.prepareBibRecords) await environment.prepareBibRecords(analysis.uri, bibFiles);
      const papers = bibFiles.length ? bibRecordCompletions(analysis.list, params.position.line, () => environment.bibRecords(analysis.uri, bibFiles), config) : [];
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
