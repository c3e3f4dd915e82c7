import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
  type Connection,
} from 'vscode-languageserver/node';
import { completionsAt, type CompletionKind } from '../core/features/index';
import { offsetOf, rangeOf } from './convert';
import type { PaperDocuments } from './documents';
import { guard } from './guard';

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

export function registerCompletion(connection: Connection, documents: PaperDocuments, capabilities: { snippets: boolean }): void {
  connection.onCompletion(
    guard(connection, 'completion', [], async (params: CompletionParams): Promise<CompletionItem[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const offset = offsetOf(analysis.list, params.position);
      if (offset === undefined) return [];
      return completionsAt(analysis.list, offset, analysis.options.config!).map((item) => {
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
