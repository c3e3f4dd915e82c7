// Commands the client runs through workspace/executeCommand: BibTeX export and import, sorting a section,
// fixing all or one section, and the house style.
import { ErrorCodes, ResponseError, type Connection, type ExecuteCommandParams } from 'vscode-languageserver';
import type { FindingSelector, Section, Span, TextEdit } from '../core/index';
import { exportBibtex } from '../core/features/bibtex';
import { formatBibtexAt } from '../core/features/bibtexImport';
import { newEntrySnippet, newItemMarker } from '../core/features/completions';
import { insertEntriesEdits } from '../core/features/insertEntries';
import { sortSectionEdits, type SortOrder } from '../core/features/sortSection';
import { serverCommandIds, ServerCommands, type AddFromBibtexResult, type FixAllCommandResult, type SortSectionResult } from '../shared/protocol';
import { workspaceEditOf } from './convert';
import { checkOnlineResult, linkEntryResult } from './linkCommands';
import { configOf, fixAllOf, houseStyleResult, sectionAtLine, type Analysis, type PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';

export const serverCommands: string[] = [...serverCommandIds];

/**
 * Fix All in Section's choice among a round's findings: those inside the section whose safe fixes edit
 * only the section. The section is found again in each round's list from its heading line, which fixes
 * inside it do not move; the root section (before the first heading) is the whole document.
 */
function findingsInSection(section: Section): FindingSelector | undefined {
  const headingLine = section.heading?.line;
  if (headingLine === undefined) return undefined;
  return (list, findings) => {
    const { span } = sectionAtLine(list, headingLine);
    const inside = (edit: Span) => span.start <= edit.start && edit.end <= span.end;
    return findings.filter((finding) => inside(finding.span) && finding.fixes.every((fix) => !fix.safe || fix.edits.every(inside)));
  };
}

const isLine = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/**
 * The commands of `ServerCommands` (see their arguments there). Those that change the document apply
 * their edit through `workspace/applyEdit` and answer whether the client applied it.
 * Malformed arguments or an unknown document answer null; an unknown command is an error.
 */
export function registerCommands(connection: Connection, documents: PaperDocuments, capabilities: { documentChanges: boolean }): void {
  /** Asks the client to apply edits to the analysed version of a document; nothing to do counts as applied. */
  const applyEdits = async (analysis: Analysis, edits: readonly TextEdit[], label: string): Promise<boolean> => {
    if (!edits.length) return true;
    return (await connection.workspace.applyEdit({ label, edit: workspaceEditOf(analysis, edits, capabilities) })).applied;
  };
  const run = guard(connection, 'command', null, async (params: ExecuteCommandParams): Promise<unknown> => {
    const args: unknown[] = Array.isArray(params?.arguments) ? params.arguments : [];
    const analysis = await documents.analysisFor(args[0]);
    if (!analysis) return null;
    const { list } = analysis;
    switch (params.command) {
      case ServerCommands.exportBibtex: {
        if (args[1] !== undefined && args[1] !== null && !isLine(args[1])) return null;
        return exportBibtex(list, isLine(args[1]) ? sectionAtLine(list, args[1]) : undefined);
      }
      case ServerCommands.formatBibtex: {
        if (typeof args[1] !== 'string' || !isLine(args[2])) return null;
        return formatBibtexAt(list, args[1], args[2], configOf(analysis));
      }
      case ServerCommands.newEntrySnippet:
        if (!isLine(args[1])) return null;
        return newEntrySnippet(list, configOf(analysis), newItemMarker(list, args[1], configOf(analysis)));
      case ServerCommands.showHouseStyle:
        return houseStyleResult(analysis);
      case ServerCommands.linkEntry:
        return await linkEntryResult(list, args, configOf(analysis));
      case ServerCommands.checkOnline:
        return await checkOnlineResult(list, args, configOf(analysis));
      case ServerCommands.addFromBibtex: {
        if (typeof args[1] !== 'string' || !isLine(args[2])) return null;
        const entries = formatBibtexAt(list, args[1], args[2], configOf(analysis));
        const applied = await applyEdits(analysis, insertEntriesEdits(list, entries, args[2], configOf(analysis)), 'Add papers from BibTeX');
        return { applied, entries } satisfies AddFromBibtexResult;
      }
      case ServerCommands.fixAll: {
        if (args[1] !== undefined && args[1] !== null && !isLine(args[1])) return null;
        const select = isLine(args[1]) ? findingsInSection(sectionAtLine(list, args[1])) : undefined;
        const { fixed, edit } = fixAllOf(analysis, select);
        const applied = await applyEdits(analysis, edit ? [edit] : [], select ? 'Fix all in section' : 'Fix all safe problems');
        return { applied, fixes: fixed.applied, entries: fixed.entries } satisfies FixAllCommandResult;
      }
      case ServerCommands.sortSection: {
        const by = args[2];
        if (!isLine(args[1]) || (by !== 'year' && by !== 'title')) return null;
        const edits = sortSectionEdits(list, sectionAtLine(list, args[1]), by as SortOrder);
        return { applied: await applyEdits(analysis, edits, `Sort section by ${by}`) } satisfies SortSectionResult;
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
