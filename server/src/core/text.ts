/** A span of the document as UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A zero-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

/** Maps offsets to line/character positions and back, for LF and CRLF text alike. */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line number (zero-based) that holds the offset. */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset just past the line's last character, before any CR or LF. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    // The break is LF, CR or CRLF.
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}

/** Offsets where lines start; a line ends at LF, CRLF or a lone CR, as in markdown and LSP. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Collapses case, punctuation and spacing so that two spellings of one title compare equal. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The white space that starts a line: its width in columns with tab stops of four, and what it holds. */
export interface LineIndent {
  columns: number;
  /** Characters of white space. */
  length: number;
  hasTab: boolean;
  /** Whether the line holds nothing but that white space. */
  blank: boolean;
}

/** The indentation of the line that starts at `lineStart`. */
export function indentAt(text: string, lineStart: number): LineIndent {
  let at = lineStart;
  let columns = 0;
  let hasTab = false;
  for (; text[at] === ' ' || text[at] === '\t'; at++) {
    if (text[at] === '\t') hasTab = true;
    columns = text[at] === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  }
  const next = text[at];
  return { columns, length: at - lineStart, hasTab, blank: next === undefined || next === '\n' || next === '\r' };
}

/** Cuts a text for a message to at most `max` characters, ending with "…" where it was cut. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Decodes percent escapes; a malformed escape leaves the text as it is. */
export function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The text without the characters that `trimmed` accepts at its start (when `start` is set) and its end.
 * A loop rather than `/[…]+$/`, which a regular expression engine matches in quadratic time on long runs.
 */
export function trimWhere(text: string, trimmed: (ch: string) => boolean, start = true): string {
  let from = 0;
  let to = text.length;
  if (start) while (from < to && trimmed(text[from])) from++;
  while (to > from && trimmed(text[to - 1])) to--;
  return text.slice(from, to);
}
