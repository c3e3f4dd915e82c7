import { DocumentHighlightKind, type Connection, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import { referenceSpansAt } from '../core/features/index';
import { offsetOf, rangeOf } from './convert';
import type { PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';

export function registerHighlights(connection: Connection, documents: PaperDocuments): void {
  connection.onDocumentHighlight(
    guard(connection, 'document highlights', [], async (params: DocumentHighlightParams): Promise<DocumentHighlight[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const offset = offsetOf(analysis.list, params.position);
      if (offset === undefined) return [];
      return referenceSpansAt(analysis.list, offset).map((span) => ({ range: rangeOf(analysis.list, span), kind: DocumentHighlightKind.Text }));
    }),
  );
}
