// The per-rule quick fixes: "Disable <rule> for this line", which writes the inline comment that
// suppressions.ts reads, and "Fix all <rule> problems in this file", which applies that rule's safe fixes only.
import { collectSafeEdits, isSafeFix } from '../fix';
import type { PaperList } from '../model';
import type { Finding, TextEdit } from '../rule';

/** The code of the finding that reports a broken config file: a comment cannot turn it off. */
const notSuppressible = new Set(['config']);

/**
 * The edit that turns `finding` off on its line: `<!-- paperlist-disable-next-line CODE -->` on a line of
 * its own above, or the code added to such a comment already there. Under a list item the comment is
 * indented to the item's text, so that it stays inside the item and the list is not split in two.
 */
export function disableLineEdit(list: PaperList, finding: Finding): TextEdit | undefined {
  if (notSuppressible.has(finding.code)) return undefined;
  const line = list.lines.lineAt(finding.span.start);
  const existing = list.directives.find((directive) => directive.kind === 'disable-next-line' && directive.line === line - 1);
  if (existing) {
    if (!existing.codes.length || existing.codes.includes(finding.code)) return undefined;
    const start = list.lines.lineStarts[line - 1];
    const close = list.text.indexOf('-->', start);
    if (close === -1 || close > list.lines.lineEnd(line - 1)) return undefined;
    const before = list.text.slice(start, close).trimEnd();
    const end = start + before.length;
    return { start: end, end: close, newText: ` ${finding.code} ` };
  }
  const eol = list.text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = list.lines.lineStarts[line];
  const ownIndent = /^[ \t]*/.exec(list.text.slice(lineStart, list.lines.lineEnd(line)))![0];
  const above = line > 0 ? list.blocks.find((block) => block.kind === 'item' && block.startLine <= line - 1 && block.endLine >= line - 1 && block.startLine < line) : undefined;
  // A comment that starts a line of the item itself (the finding's own item) would end its paragraph, so
  // only an item that ends right above takes it in.
  const indent = above && above.endLine === line - 1 && above.contentIndent !== undefined && above.indent <= ownIndent.length ? ' '.repeat(above.contentIndent) : ownIndent;
  return { start: lineStart, end: lineStart, newText: `${indent}<!-- paperlist-disable-next-line ${finding.code} -->${eol}` };
}

/** The findings of one rule that have a fix fix-all may apply. */
export function safelyFixable(findings: readonly Finding[], code: string, text: string, trackingParameters?: readonly string[]): Finding[] {
  return findings.filter((finding) => finding.code === code && finding.fixes.some((fix) => isSafeFix(text, fix, { trackingParameters })));
}

/** The safe fixes of one rule's findings, gathered as fix-all gathers them, without the other rules' fixes. */
export function fixRuleEdits(findings: readonly Finding[], code: string, text: string, trackingParameters?: readonly string[]): TextEdit[] {
  return collectSafeEdits(findings.filter((finding) => finding.code === code), text, { trackingParameters });
}
