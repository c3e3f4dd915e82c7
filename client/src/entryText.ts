import * as vscode from 'vscode';

/** How the items of the list around a line are written: indentation, marker and the next number. */
export interface ItemStyle {
  indent: string;
  /** `3.` for numbered lists (with the number that comes next), `-` or `*` for bullets. */
  marker: string;
}

const numbered = /^(\s*)(\d{1,9})([.)])\s/;
const bullet = /^(\s*)([-*+])\s+\*\*/;
const heading = /^\s{0,3}#{1,6}(\s|$)/;

/** The style of the entry on `line`, or of the nearest entry above it in the same section. */
export function itemStyleAt(document: vscode.TextDocument, line: number): ItemStyle {
  for (let current = Math.min(line, document.lineCount - 1); current >= 0; current--) {
    const text = document.lineAt(current).text;
    if (heading.test(text)) break;
    const number = numbered.exec(text);
    if (number) return { indent: number[1], marker: `${Number(number[2]) + 1}${number[3]}` };
    const mark = bullet.exec(text);
    if (mark) return { indent: mark[1], marker: mark[2] };
  }
  return { indent: '', marker: '1.' };
}

/** A paper entry in the list's usual shape, with tab stops for each field. */
export function entrySnippet(style: ItemStyle): vscode.SnippetString {
  const snippet = new vscode.SnippetString(`${style.indent}${style.marker} **`);
  snippet.appendPlaceholder('Title');
  snippet.appendText('**. *');
  snippet.appendPlaceholder('First Author et al.');
  snippet.appendText('* ');
  snippet.appendPlaceholder('arXiv');
  snippet.appendText(' ');
  snippet.appendPlaceholder(String(new Date().getFullYear()));
  snippet.appendText('. [[');
  snippet.appendPlaceholder('Paper');
  snippet.appendText('](');
  snippet.appendPlaceholder('https://arxiv.org/abs/');
  snippet.appendText(')]');
  snippet.appendTabstop(0);
  return snippet;
}

/**
 * Inserts a new entry on its own line: on the cursor's line when it is blank, else on a new line after
 * `afterLine`, numbered after the entry above it.
 */
export async function insertEntry(editor: vscode.TextEditor, afterLine: number): Promise<boolean> {
  const document = editor.document;
  const line = document.lineAt(Math.min(afterLine, document.lineCount - 1));
  if (line.isEmptyOrWhitespace) {
    return editor.insertSnippet(entrySnippet(itemStyleAt(document, line.lineNumber)), line.range, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
  }
  const snippet = entrySnippet(itemStyleAt(document, line.lineNumber));
  snippet.value = `\n${snippet.value}`;
  return editor.insertSnippet(snippet, line.range.end, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}
