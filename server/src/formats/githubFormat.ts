// GitHub Actions output: one workflow command per finding, and a markdown table for the step summary,
// since GitHub shows only about ten annotations of each kind per step.
import type { JsonFinding } from '../cli';

const commandOf = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escapes a workflow command's message as GitHub's toolkit does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: `:` and `,` separate properties, so they are escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…::message` line per finding (`notice` for info and hint). */
export function githubAnnotations(findings: readonly JsonFinding[]): string {
  return findings
    .map((finding) => {
      const properties = [
        ['file', finding.file.replace(/\\/g, '/')],
        ['line', String(finding.line)],
        ['endLine', String(finding.endLine)],
        ['col', String(finding.column)],
        ['endColumn', String(finding.endColumn)],
        ['title', finding.code],
      ]
        .map(([name, value]) => `${name}=${escapeProperty(value)}`)
        .join(',');
      return `::${commandOf[finding.severity]} ${properties}::${escapeData(finding.message)}`;
    })
    .join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A table cell: pipes and line breaks would end the cell or the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/** The markdown that `$GITHUB_STEP_SUMMARY` gets: a count line and every finding in a table. */
export function stepSummary(findings: readonly JsonFinding[], fileCount: number, scope?: string): string {
  const heading = `### paperlist${scope ? ` (${scope})` : ''}\n\n`;
  if (!findings.length) return `${heading}No problems found in ${plural(fileCount, 'file')}.\n`;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity === 'hint' ? 'info' : finding.severity]++;
  const rows = findings.map((finding) => `| ${cell(finding.file)} | ${finding.line} | ${finding.severity} | \`${finding.code}\` | ${cell(finding.message)} |`);
  return [
    heading.trimEnd(),
    '',
    `${plural(findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}) in ${plural(fileCount, 'file')}.`,
    '',
    '| File | Line | Severity | Rule | Message |',
    '|---|---:|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
