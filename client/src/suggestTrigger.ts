// When completion opens by itself on a list line: markdown turns quick suggestions off, so a line that
// starts a new item of a numbered list asks for them. Free of `vscode` so that tests read it.

const numberedItem = /^[ \t]*\d{1,9}[.)][ \t]/;
const anyItem = /^[ \t]*(?:\d{1,9}[.)]|[-*+])(?:[ \t]|$)/;

/**
 * Whether completion should open at the end of `line`: the line is empty or holds only a number, and it
 * comes right after the last line of an item of a numbered list (through the item's continuation lines).
 * After `N. ` the server's space trigger character opens it already.
 */
export function opensCompletion(lineAt: (line: number) => string, line: number): boolean {
  const text = lineAt(line);
  if (!/^[ \t]*\d{0,9}$/.test(text)) return false;
  for (let above = line - 1; above >= 0 && above >= line - 12; above--) {
    const previous = lineAt(above);
    if (!previous.trim()) return false;
    if (numberedItem.test(previous)) return true;
    if (anyItem.test(previous) || /^#/.test(previous)) return false;
  }
  return false;
}
