import type { Connection, Location, ReferenceParams } from 'vscode-languageserver';
import { referenceSpansAt } from '../core/features/index';
import { offsetOf, rangeOf } from './convert';
import type { PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';

export function registerReferences(connection: Connection, documents: PaperDocuments): void {
  connection.onReferences(
    guard(connection, 'references', [], async (params: ReferenceParams): Promise<Location[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const offset = offsetOf(analysis.list, params.position);
      if (offset === undefined) return [];
      const includeCurrent = params.context?.includeDeclaration !== false;
      return referenceSpansAt(analysis.list, offset, includeCurrent).map((span) => ({ uri: analysis.uri, range: rangeOf(analysis.list, span) }));
    }),
  );
}
