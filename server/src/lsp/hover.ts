import { MarkupKind, type Connection, type Hover, type HoverParams } from 'vscode-languageserver';
import { paperCardAt, renderPaperCard } from '../core/features/index';
import { houseStyleResult } from '../infrastructure/documents';
import { offsetOf, rangeOf } from './convert';
import type { PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';

export function registerHover(connection: Connection, documents: PaperDocuments): void {
  connection.onHover(
    guard(connection, 'hover', null, async (params: HoverParams): Promise<Hover | null> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return null;
      const { list } = analysis;
      const offset = offsetOf(list, params.position);
      if (offset === undefined) return null;
      const parts: string[] = [];
      let span: { start: number; end: number } | undefined;
      const card = paperCardAt(list, offset);
      if (card) {
        // Editors open `file:///path#L12` at line 12, which makes each section in the card a jump target.
        const hash = analysis.uri.indexOf('#');
        const base = hash === -1 ? analysis.uri : analysis.uri.slice(0, hash);
        parts.push(renderPaperCard(card, (line) => `${base}#L${line + 1}`));
        span = card.span;
      }
      // The first heading names the list, so its hover is where the list as a whole describes itself.
      const first = list.headings[0];
      if (first && first.span.start <= offset && offset <= first.span.end) {
        parts.push(houseStyleResult(analysis).markdown);
        span ??= first.span;
      }
      if (!parts.length || !span) return null;
      return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: rangeOf(list, span) };
    }),
  );
}
