import { FoldingRangeKind, type Connection, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { foldingRangesOf } from '../core/features/index';
import type { PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';

export function registerFolding(connection: Connection, documents: PaperDocuments): void {
  connection.onFoldingRanges(
    guard(connection, 'folding ranges', [], async (params: FoldingRangeParams): Promise<FoldingRange[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      return foldingRangesOf(analysis.list).map((range) => ({ ...range, kind: FoldingRangeKind.Region }));
    }),
  );
}
