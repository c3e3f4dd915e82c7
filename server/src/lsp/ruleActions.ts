import { CodeActionKind, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, TextEdit } from '../core/index';
import { disableLineEdit, fixRuleEdits, safelyFixable } from '../core/features/index';
import { toDiagnostic } from './diagnostics';
import type { Analysis } from '../infrastructure/documents';

/**
 * For the findings under the cursor: "Fix all <rule> problems in this file" when the rule has more than
 * one safely fixable finding, and "Disable <rule> for this line" for each finding.
 */
export function ruleActions(analysis: Analysis, touching: readonly Finding[], asEdit: (edits: readonly TextEdit[]) => WorkspaceEdit): CodeAction[] {
  const { list, findings } = analysis;
  const tracking = analysis.options.config?.trackingParameters;
  const fixAlls: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const codes = new Set<string>();
  const disabled = new Set<string>();
  for (const finding of touching) {
    const diagnostic = toDiagnostic(analysis.uri, list, finding);
    if (!codes.has(finding.code)) {
      codes.add(finding.code);
      const fixable = safelyFixable(findings, finding.code, list.text, tracking);
      if (fixable.length > 1 && fixable.includes(finding)) {
        const edits = fixRuleEdits(findings, finding.code, list.text, tracking);
        if (edits.length) {
          fixAlls.push({ title: `Fix all ${finding.code} problems in this file (${fixable.length})`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: asEdit(edits) });
        }
      }
    }
    const line = list.lines.lineAt(finding.span.start);
    if (disabled.has(`${finding.code}:${line}`)) continue;
    disabled.add(`${finding.code}:${line}`);
    const edit = disableLineEdit(list, finding);
    if (edit) disables.push({ title: `Disable ${finding.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: asEdit([edit]) });
  }
  return [...fixAlls, ...disables];
}
