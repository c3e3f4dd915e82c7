import type { Connection } from 'vscode-languageserver';
import { outlineOf, type OutlineEntryData, type OutlineSectionData } from '../core/features/index';
import type { PaperList } from '../core/index';
import { OutlineRequest, type OutlineEntry, type OutlineNode, type OutlineParams, type OutlineResult } from '../shared/protocol';
import { rangeOf } from './convert';
import type { PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';

function toEntry(list: PaperList, entry: OutlineEntryData): OutlineEntry {
  const result: OutlineEntry = { title: entry.title, identity: entry.identity, line: entry.line, range: rangeOf(list, entry.span) };
  if (entry.year !== undefined) result.year = entry.year;
  if (entry.severity) result.severity = entry.severity;
  return result;
}

function toNode(list: PaperList, section: OutlineSectionData): OutlineNode {
  return {
    title: section.title,
    level: section.level,
    line: section.line,
    range: rangeOf(list, section.span),
    slug: section.slug,
    ownCount: section.ownCount,
    totalCount: section.totalCount,
    errors: section.errors,
    warnings: section.warnings,
    entries: section.entries.map((entry) => toEntry(list, entry)),
    children: section.children.map((child) => toNode(list, child)),
  };
}

export function registerOutline(connection: Connection, documents: PaperDocuments): void {
  connection.onRequest(
    OutlineRequest.type,
    guard(connection, 'outline', null, async (params: OutlineParams): Promise<OutlineResult | null> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return null;
      const outline = outlineOf(analysis.list, analysis.findings);
      return {
        uri: analysis.uri,
        version: analysis.version,
        entries: outline.entries.map((entry) => toEntry(analysis.list, entry)),
        sections: outline.sections.map((section) => toNode(analysis.list, section)),
        totals: outline.totals,
      };
    }),
  );
}
