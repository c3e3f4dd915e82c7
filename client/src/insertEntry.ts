import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import { ServerCommands } from '../../server/src/shared/protocol';
import { executeServerCommand } from './client';

/**
 * Inserts a new entry on its own line: on the cursor's line when it is blank, else on a new line after
 * `afterLine`, numbered after the entry above it.
 */
export async function insertEntry(client: LanguageClient, editor: vscode.TextEditor, afterLine: number): Promise<boolean> {
  const document = editor.document;
  const line = document.lineAt(Math.min(afterLine, document.lineCount - 1));
  const target = line.isEmptyOrWhitespace ? line.lineNumber : line.lineNumber + 1;
  // The server writes the entry in the list's house style, numbered after the item above the target line.
  const text = await executeServerCommand<string>(client, ServerCommands.newEntrySnippet, client.code2ProtocolConverter.asUri(document.uri), target);
  if (typeof text !== 'string') return false;
  const snippet = new vscode.SnippetString(text);
  const options = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true };
  if (line.isEmptyOrWhitespace) return editor.insertSnippet(snippet, line.range, options);
  snippet.value = `\n${snippet.value}`;
  return editor.insertSnippet(snippet, line.range.end, options);
}
