import { defaultConfig, type ResolvedConfig } from './config';
import type { PaperList } from './model';
import { BlockCache, parseList } from './parseList';
import type { Finding, LintHost, Rule } from './rule';
import { allRules } from './rules/index';
import { applySuppressions } from './suppressions';

export interface LintOptions {
  config?: ResolvedConfig;
  host?: LintHost;
  /** Defaults to the year of the clock; tests pin it. */
  currentYear?: number;
  cache?: BlockCache;
  rules?: readonly Rule[];
  /** Problems with the config file, reported as one finding on line 1 instead of failing. */
  configProblems?: readonly string[];
}

/** The code of the finding that reports a broken config file. */
export const configProblemCode = 'config';

/** Runs every enabled rule over a parsed list and returns the findings in document order. */
export function lintList(list: PaperList, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig;
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = config.rules[rule.code] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    rule.check({
      list,
      config,
      host: options.host ?? {},
      currentYear: options.currentYear ?? new Date().getFullYear(),
      report: (report) => findings.push({ ...report, fixes: report.fixes ?? [], code: rule.code, severity: setting }),
    });
  }
  if (options.configProblems?.length) {
    findings.push({
      code: configProblemCode,
      severity: 'warning',
      message: `The paperlist config was ignored in part: ${options.configProblems.join('; ')}.`,
      span: { start: 0, end: list.lines.lineEnd(0) },
      fixes: [],
    });
  }
  return sortFindings(applySuppressions(findings, list));
}

/** Parses and lints text in one step. */
export function lintText(text: string, options: LintOptions = {}): { list: PaperList; findings: Finding[] } {
  const list = parseList(text, { cache: options.cache });
  return { list, findings: lintList(list, options) };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}
