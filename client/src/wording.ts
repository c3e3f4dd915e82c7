// The words the sidebar, the status bar and the commands show, kept free of `vscode` so that tests read them.
import type { OutlineEntry, OutlineNode, OutlineTotals } from '../../server/src/shared/protocol';

/** "1 error", "2 errors"; `many` for words whose plural is not a trailing s ("1 entry", "2 entries"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The status bar's tooltip over the totals of a list. */
export function statusTooltip(totals: OutlineTotals): string {
  const others = totals.problems - totals.errors - totals.warnings;
  return (
    `${plural(totals.entries, 'entry', 'entries')} (${plural(totals.papers, 'distinct paper')}); ` +
    `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${plural(others, 'other finding')}. Click to open Problems.`
  );
}

/** A section row's tooltip: the heading, its paper counts and its problems. */
export function sectionTooltip(section: OutlineNode, problems: { errors: number; warnings: number }): string {
  const lines = [
    `${'#'.repeat(section.level)} ${section.title}`,
    `${plural(section.ownCount, 'paper')} directly under this heading, ${section.totalCount} with its subsections`,
  ];
  if (problems.errors || problems.warnings) lines.push(`${plural(problems.errors, 'error')}, ${plural(problems.warnings, 'warning')} in this section`);
  return lines.join('\n');
}

/** A finding as the tree shows it: its severity word and its message. */
export interface FindingText {
  severity: 'Error' | 'Warning' | 'Info' | 'Hint' | 'Problem';
  message: string;
}

/**
 * An entry row's tooltip as plain text: the title, the year, the line and the findings. Plain rather
 * than markdown, since messages quote URLs and titles whose dots and brackets would need escaping.
 */
export function entryTooltip(entry: OutlineEntry, findings: readonly FindingText[]): string {
  const lines = [`${entry.title}${entry.year !== undefined ? ` (${entry.year})` : ''}`, `line ${entry.line + 1}`];
  for (const finding of findings) lines.push('', `${finding.severity}: ${finding.message}`);
  return lines.join('\n');
}

/** What Fix All and Fix All in Section say once done: "Fixed 14 problems in 13 entries". */
export function fixedMessage(problems: number, entries: number, where = ''): string {
  if (!problems) return `Nothing to fix${where}.`;
  return `Fixed ${plural(problems, 'problem')} in ${plural(entries, 'entry', 'entries')}${where}.`;
}

/** What the renumber commands say once done. */
export function renumberedMessage(items: number, where = ''): string {
  return items ? `Renumbered ${plural(items, 'item')}${where}.` : `Nothing to renumber${where}: the lists are numbered in order.`;
}
