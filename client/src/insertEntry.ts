import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import { ServerCommands } from '../../server/src/shared/protocol';
import { executeServerCommand } from './client';
import { entryPlacement } from './entryPlacement';

/**
 * Inserts a new entry on its own line: on the cursor's line when it is blank, else on a new line after
 * `afterLine`, numbered after the entry above it. A blank line between the list and the next heading stays.
 */
export async function insertEntry(client: LanguageClient, editor: vscode.TextEditor, afterLine: number): Promise<boolean> {
  const document = editor.document;
  const placement = entryPlacement((line) => document.lineAt(line).text, document.lineCount, afterLine);
  // The server writes the entry in the list's house style, numbered after the item above the target line.
  const text = await executeServerCommand<string>(client, ServerCommands.newEntrySnippet, client.code2ProtocolConverter.asUri(document.uri), placement.line);
  if (typeof text !== 'string') return false;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const snippet = new vscode.SnippetString(placement.blankAfter ? `${text}${eol}` : text);
  const options = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true };
  if (placement.replaceLine) return editor.insertSnippet(snippet, document.lineAt(placement.line).range, options);
  snippet.value = `${eol}${snippet.value}`;
  return editor.insertSnippet(snippet, document.lineAt(placement.line - 1).range.end, options);
}
