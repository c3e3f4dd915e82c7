import {
  CodeActionKind,
  CodeActionTriggerKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, TextEdit } from '../core/index';
import { numberedListAt, renumberAllEdits, renumberListAt } from '../core/features/index';
import { spanOf, workspaceEditOf } from './convert';
import { toDiagnostic } from './diagnostics';
import { fixAllOf, type Analysis, type PaperDocuments } from '../infrastructure/documents';
import { guard } from '../infrastructure/guard';
import { fixAllKind, renumberAllKind } from '../shared/protocol';
import { ruleActions } from './ruleActions';

export { fixAllKind, renumberAllKind };

/** Whether an action of `kind` is wanted by a request that asks only for `only` kinds. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only?.length || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

export function registerCodeActions(connection: Connection, documents: PaperDocuments, capabilities: { documentChanges: boolean }): void {
  const workspaceEdit = (analysis: Analysis, edits: readonly TextEdit[]): WorkspaceEdit => workspaceEditOf(analysis, edits, capabilities);

  connection.onCodeAction(
    guard(connection, 'code actions', [], async (params: CodeActionParams): Promise<CodeAction[]> => {
      const analysis = await documents.paperListFor(params?.textDocument?.uri);
      if (!analysis) return [];
      const span = spanOf(analysis.list, params.range);
      if (!span) return [];
      const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
      const actions: CodeAction[] = [];
      const { list, findings } = analysis;
      const touching = findings.filter((finding) => finding.span.start <= span.end && finding.span.end >= span.start);

      if (wanted(CodeActionKind.QuickFix, only)) {
        for (const finding of touching) {
          const diagnostic = toDiagnostic(analysis.uri, list, finding);
          for (const fix of finding.fixes) {
            if (!fix.edits.length) continue;
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred === true,
              edit: workspaceEdit(analysis, fix.edits),
            });
          }
        }
        actions.push(...ruleActions(analysis, touching, (edits) => workspaceEdit(analysis, edits)));
      }

      const group = numberedListAt(list, span.start);
      const aboutNumbers = touching.some((finding) => finding.code.startsWith('number-'));
      const renumberKind = aboutNumbers ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite;
      if (group && wanted(renumberKind, only)) {
        const edits = renumberListAt(list, span.start, analysis.options.config!);
        if (edits.length) actions.push({ title: 'Renumber this list', kind: renumberKind, edit: workspaceEdit(analysis, edits) });
      }
      if (wanted(renumberAllKind, only) && (only?.length || group)) {
        const edits = renumberAllEdits(list, analysis.options.config!);
        if (edits.length) actions.push({ title: 'Renumber all lists', kind: renumberAllKind, edit: workspaceEdit(analysis, edits) });
      }

      // Fix-all lints the text several times, so it is only computed when asked for or invoked by hand.
      const automatic = params.context?.triggerKind === CodeActionTriggerKind.Automatic;
      const askedForFixAll = Boolean(only?.length) && wanted(fixAllKind, only);
      if (wanted(fixAllKind, only) && (askedForFixAll || !automatic) && hasSafeFix(findings)) {
        const { fixed, edit } = fixAllOf(analysis);
        if (edit) {
          actions.push({
            title: `Fix all safe problems (${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'})`,
            kind: fixAllKind,
            edit: workspaceEdit(analysis, [edit]),
          });
        }
      }
      return actions;
    }),
  );
}

function hasSafeFix(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.fixes.some((fix) => fix.safe));
}
