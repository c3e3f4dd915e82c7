// Commands the client runs through workspace/executeCommand: BibTeX export and import, and sorting a section.
import { ErrorCodes, ResponseError, type Connection, type ExecuteCommandParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { PaperList, Section } from '../core/index';
import { exportBibtex, formatBibtexAt } from '../core/features/bibtex';
import { sortSectionEdits, type SortOrder } from '../core/features/sortSection';
import { lspEdit } from './convert';
import type { PaperDocuments } from './documents';
import { guard } from './guard';

export const exportBibtexCommand = 'paperList.exportBibtex';
export const sortSectionCommand = 'paperList.sortSection';
export const formatBibtexCommand = 'paperList.formatBibtex';
export const serverCommands = [exportBibtexCommand, sortSectionCommand, formatBibtexCommand];

const isLine = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The section whose heading is on the line, or else the innermost section that holds the line. */
export function sectionAtLine(list: PaperList, line: number): Section {
  const offset = line < list.lines.lineCount ? list.lines.lineStarts[line] : list.text.length;
  let found = list.root;
  for (const section of list.sections) {
    if (section.heading?.line === line) return section;
    if (section.heading && section.span.start <= offset && offset < section.span.end && section.level >= found.level) found = section;
  }
  return found;
}

/**
 * `paperList.exportBibtex [uri, sectionLine?]` answers the BibTeX text; `paperList.formatBibtex [uri,
 * bibtex, line]` answers the markdown lines to insert before the line; `paperList.sortSection [uri,
 * sectionLine, 'year' | 'title']` applies the edit and answers whether the client applied it.
 * Malformed arguments or an unknown document answer null; an unknown command is an error.
 */
export function registerCommands(connection: Connection, documents: PaperDocuments, capabilities: { documentChanges: boolean }): void {
  const run = guard(connection, 'command', null, async (params: ExecuteCommandParams): Promise<unknown> => {
    const args: unknown[] = Array.isArray(params?.arguments) ? params.arguments : [];
    const analysis = await documents.analysisFor(args[0]);
    if (!analysis) return null;
    const { list } = analysis;
    switch (params.command) {
      case exportBibtexCommand: {
        if (args[1] !== undefined && args[1] !== null && !isLine(args[1])) return null;
        return exportBibtex(list, isLine(args[1]) ? sectionAtLine(list, args[1]) : undefined);
      }
      case formatBibtexCommand: {
        if (typeof args[1] !== 'string' || !isLine(args[2])) return null;
        return formatBibtexAt(list, args[1], args[2]);
      }
      case sortSectionCommand: {
        const by = args[2];
        if (!isLine(args[1]) || (by !== 'year' && by !== 'title')) return null;
        const edits = sortSectionEdits(list, sectionAtLine(list, args[1]), by as SortOrder);
        if (!edits.length) return { applied: true };
        const lspEdits = edits.map((edit) => lspEdit(list, edit));
        const edit: WorkspaceEdit = capabilities.documentChanges
          ? { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: lspEdits }] }
          : { changes: { [analysis.uri]: lspEdits } };
        const result = await connection.workspace.applyEdit({ label: `Sort section by ${by}`, edit });
        return { applied: result.applied };
      }
      default:
        return null;
    }
  });
  connection.onExecuteCommand((params: ExecuteCommandParams) => {
    if (!serverCommands.includes(params?.command)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `paperlist: unknown command ${JSON.stringify(params?.command)}`);
    }
    return run(params);
  });
}
