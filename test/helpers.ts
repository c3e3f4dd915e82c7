import { applyEdits, fixAll, LineIndex, lintText, resolveConfig, type Finding, type LintOptions, type PaperListConfig } from '../server/src/core/index';

/** The year the tests pretend it is, so that year checks do not change with the clock. */
export const testYear = 2026;

export interface LintFixtureOptions extends Omit<LintOptions, 'config'> {
  config?: PaperListConfig;
}

function options(extra: LintFixtureOptions = {}): LintOptions {
  return { currentYear: testYear, ...extra, config: resolveConfig(extra.config) };
}

/** Lints text and returns the findings, optionally only those of one rule. */
export function lint(text: string, code?: string, extra?: LintFixtureOptions): Finding[] {
  const { findings } = lintText(text, options(extra));
  return code ? findings.filter((finding) => finding.code === code) : findings;
}

/**
 * One line per finding, `line:column code message` with 1-based numbers (and the severity before the code
 * when asked), for whole-list comparisons and golden files.
 */
export function describe(text: string, findings: readonly Finding[], options: { severity?: boolean } = {}): string[] {
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const { line, character } = lines.positionAt(finding.span.start);
    return `${line + 1}:${character + 1} ${options.severity ? `${finding.severity} ` : ''}${finding.code} ${finding.message}`;
  });
}

/** The 1-based lines of the findings. */
export function lines(text: string, findings: readonly Finding[]): number[] {
  return describe(text, findings).map((row) => Number(row.split(':')[0]));
}

/** Applies the first fix of a finding (or the fix at `index`) and returns the whole new text. */
export function applyFix(text: string, finding: Finding, index = 0): string {
  const fix = finding.fixes[index];
  if (!fix) throw new Error(`finding ${finding.code} "${finding.message}" has no fix ${index}`);
  return applyEdits(text, fix.edits);
}

/** Applies every safe fix until nothing changes, as `paperlist lint --fix` does. */
export function fixText(text: string, extra?: LintFixtureOptions): string {
  return fixAll(text, options(extra)).text;
}
