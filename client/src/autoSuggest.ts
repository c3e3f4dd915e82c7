import * as vscode from 'vscode';
import type { OutlineModel } from './outlineModel';
import { opensCompletion } from './suggestTrigger';

/**
 * Opens completion on its own where a new item of a numbered list starts: after Enter at the end of an
 * item, or a digit typed on the line after it (`paperList.suggestNextNumber`).
 */
export function autoSuggest(model: OutlineModel): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || event.document !== editor.document || event.document !== model.document || !model.outline) return;
    if (event.contentChanges.length !== 1 || !vscode.workspace.getConfiguration('paperList').get<boolean>('suggestNextNumber', true)) return;
    const change = event.contentChanges[0];
    // Typing only: a line break or a digit, not a paste, an undo or an edit of a command.
    if (!/^(?:\r?\n[ \t]*|\d)$/.test(change.text) || event.reason !== undefined) return;
    const document = event.document;
    // The cursor has not moved yet when the event fires: the new text ends where the change put it.
    const end = document.positionAt(document.offsetAt(change.range.start) + change.text.length);
    if (end.character !== document.lineAt(end.line).text.length) return;
    if (!opensCompletion((line) => document.lineAt(line).text, end.line)) return;
    void vscode.commands.executeCommand('editor.action.triggerSuggest');
  });
}
