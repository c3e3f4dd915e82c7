import type { PaperList } from './model';
import type { Finding } from './rule';

/**
 * Drops the findings that inline comments turn off: `<!-- paperlist-disable-next-line CODE -->`
 * for the next line, and `<!-- paperlist-disable CODE -->` up to `<!-- paperlist-enable CODE -->`.
 * A comment without codes applies to every rule.
 */
export function applySuppressions(findings: Finding[], list: PaperList): Finding[] {
  if (!list.directives.length) return findings;
  const nextLine = new Map<number, string[]>();
  const ranges: { from: number; to: number; codes: string[] }[] = [];
  const open = new Map<string, number>();
  const all = '*';
  for (const directive of list.directives) {
    const codes = directive.codes.length ? directive.codes : [all];
    if (directive.kind === 'disable-next-line') {
      nextLine.set(directive.line + 1, [...(nextLine.get(directive.line + 1) ?? []), ...codes]);
    } else if (directive.kind === 'disable') {
      for (const code of codes) if (!open.has(code)) open.set(code, directive.line);
    } else {
      const closing = directive.codes.length ? directive.codes : [...open.keys()];
      for (const code of closing) {
        const from = open.get(code);
        if (from === undefined) continue;
        ranges.push({ from, to: directive.line, codes: [code] });
        open.delete(code);
      }
    }
  }
  for (const [code, from] of open) ranges.push({ from, to: Infinity, codes: [code] });
  const matches = (codes: string[], code: string) => codes.includes(all) || codes.includes(code);
  return findings.filter((finding) => {
    const line = list.lines.lineAt(finding.span.start);
    const forLine = nextLine.get(line);
    if (forLine && matches(forLine, finding.code)) return false;
    return !ranges.some((range) => line > range.from && line < range.to && matches(range.codes, finding.code));
  });
}
