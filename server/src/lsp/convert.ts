import type { Position, Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { PaperList, Span, TextEdit } from '../core/index';

export function rangeOf(list: PaperList, span: Span): Range {
  return { start: list.lines.positionAt(span.start), end: list.lines.positionAt(span.end) };
}

export function lspEdit(list: PaperList, edit: TextEdit): LspTextEdit {
  return { range: rangeOf(list, edit), newText: edit.newText };
}

/**
 * A workspace edit of one document: versioned `documentChanges` when the client supports them, so that it
 * refuses an edit made for an older version, and plain `changes` otherwise.
 */
export function workspaceEditOf(
  document: { uri: string; version: number; list: PaperList },
  edits: readonly TextEdit[],
  capabilities: { documentChanges: boolean },
): WorkspaceEdit {
  const lspEdits = edits.map((edit) => lspEdit(document.list, edit));
  return capabilities.documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] }
    : { changes: { [document.uri]: lspEdits } };
}

function isPosition(value: unknown): value is Position {
  const position = value as Position;
  return (
    typeof position === 'object' && position !== null &&
    Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0
  );
}

/** The offset of a position, or undefined when the position is malformed or outside the document. */
export function offsetOf(list: PaperList, position: unknown): number | undefined {
  if (!isPosition(position)) return undefined;
  const { lines } = list;
  if (position.line >= lines.lineCount) return undefined;
  const start = lines.lineStarts[position.line];
  if (position.character > lines.lineEnd(position.line) - start) return undefined;
  return start + position.character;
}

/** The offsets of a range, or undefined when it is malformed or leaves the document. */
export function spanOf(list: PaperList, range: unknown): Span | undefined {
  if (typeof range !== 'object' || range === null) return undefined;
  const start = offsetOf(list, (range as Range).start);
  const end = offsetOf(list, (range as Range).end);
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}
