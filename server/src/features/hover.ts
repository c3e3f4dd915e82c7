import { MarkupKind, type Connection, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { paperCardAt, renderPaperCard } from '../core/features/index';
import { offsetOf, rangeOf } from './convert';
import type { PaperDocuments } from './documents';
import { guard } from './guard';

export function registerHover(connection: Connection, documents: PaperDocuments): void {
  connection.onHover(
    guard(connection, 'hover', null, async (params: HoverParams): Promise<Hover | null> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return null;
      const offset = offsetOf(analysis.list, params.position);
      if (offset === undefined) return null;
      const card = paperCardAt(analysis.list, offset);
      if (!card) return null;
      // Editors open `file:///path#L12` at line 12, which makes each section in the card a jump target.
      const hash = analysis.uri.indexOf('#');
      const base = hash === -1 ? analysis.uri : analysis.uri.slice(0, hash);
      const value = renderPaperCard(card, (line) => `${base}#L${line + 1}`);
      return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(analysis.list, card.span) };
    }),
  );
}
