// Where "Add Paper Entry" writes the new entry, worked out from the lines alone so that tests can check it.

export interface EntryPlacement {
  /** The zero-based line the entry goes on. */
  line: number;
  /** Whether the entry replaces that (blank) line rather than going on a new line after it. */
  replaceLine: boolean;
  /** Whether a blank line follows the entry, to keep the one that stood between the list and what comes next. */
  blankAfter: boolean;
}

const isBlank = (text: string | undefined): boolean => text !== undefined && !text.trim();

/**
 * On a blank line the entry takes that line; on a line with text it goes on a new line after `afterLine`.
 * A blank line that parted the list from the next heading (or any text) stays: the entry goes above it.
 */
export function entryPlacement(lineAt: (line: number) => string, lineCount: number, afterLine: number): EntryPlacement {
  const line = Math.max(0, Math.min(afterLine, lineCount - 1));
  if (!isBlank(lineAt(line))) return { line: line + 1, replaceLine: false, blankAfter: false };
  const next = line + 1 < lineCount ? lineAt(line + 1) : undefined;
  const previous = line > 0 ? lineAt(line - 1) : undefined;
  // Between two lines of text the blank line is a separator: it moves down below the new entry.
  const separator = next !== undefined && !isBlank(next) && previous !== undefined && !isBlank(previous);
  return { line, replaceLine: true, blankAfter: separator };
}
