import {
  SymbolKind,
  type Connection,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
} from 'vscode-languageserver';
import { documentSymbolsOf, type SymbolData } from '../core/features/index';
import type { PaperList } from '../core/index';
import { rangeOf } from './convert';
import type { PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';

function toDocumentSymbol(list: PaperList, symbol: SymbolData): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Object,
    range: rangeOf(list, symbol.span),
    selectionRange: rangeOf(list, symbol.selectionSpan),
    children: symbol.children.map((child) => toDocumentSymbol(list, child)),
  };
}

function flatten(uri: string, list: PaperList, symbols: SymbolData[], container: string | undefined, out: SymbolInformation[]): SymbolInformation[] {
  for (const symbol of symbols) {
    out.push({
      name: symbol.name,
      kind: symbol.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Object,
      location: { uri, range: rangeOf(list, symbol.span) },
      containerName: container,
    });
    flatten(uri, list, symbol.children, symbol.name, out);
  }
  return out;
}

export function registerSymbols(connection: Connection, documents: PaperDocuments, capabilities: { hierarchicalSymbols: boolean }): void {
  connection.onDocumentSymbol(
    guard(connection, 'document symbols', [], async (params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const symbols = documentSymbolsOf(analysis.list);
      return capabilities.hierarchicalSymbols
        ? symbols.map((symbol) => toDocumentSymbol(analysis.list, symbol))
        : flatten(analysis.uri, analysis.list, symbols, undefined, []);
    }),
  );
}
