import { defaultConfig, type ResolvedConfig } from './config';
import type { Entry, PaperList } from './model';
import { BlockCache, parseList } from './parseList';
import type { Finding, LintHost, Report, Rule, RuleContext } from './rule';
import type { Span } from './text';
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

/** What an entry-scoped rule found per entry in the last lint, and under which list-wide facts. */
interface EntryRuleMemo {
  key: string;
  results: WeakMap<Entry, { start: number; findings: Finding[] }>;
}

/** Runs every enabled rule over a parsed list and returns the findings in document order. */
export function lintList(list: PaperList, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig;
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const findings: Finding[] = [];
  const configKey = JSON.stringify(config);
  for (const rule of options.rules ?? allRules) {
    const setting = config.rules[rule.code] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    const make = (report: Report): Finding => ({
      ...report,
      // Only the offsets: a rule may pass a field of the model, which carries more.
      span: { start: report.span.start, end: report.span.end },
      fixes: report.fixes ?? [],
      code: rule.code,
      severity: setting,
    });
    const context: RuleContext = {
      list,
      entries: list.entries,
      config,
      host: options.host ?? {},
      currentYear,
      report: (report) => findings.push(make(report)),
    };
    if (rule.scope !== 'entry' || !options.cache) {
      rule.check(context);
      continue;
    }
    const key = `${setting}\u0000${currentYear}\u0000${configKey}\u0000${rule.contextKey?.(context) ?? ''}`;
    let memo = options.cache.ruleResults.get(rule.code) as EntryRuleMemo | undefined;
    if (!memo || memo.key !== key) {
      memo = { key, results: new WeakMap() };
      options.cache.ruleResults.set(rule.code, memo);
    }
    const results = memo.results;
    const stale: Entry[] = [];
    for (const entry of list.entries) if (!results.has(entry)) stale.push(entry);
    if (stale.length) {
      const fresh = new Map<Entry, Finding[]>(stale.map((entry) => [entry, []]));
      rule.check({
        ...context,
        entries: stale,
        report: (report) => {
          // A copy, since a report may share span objects with the entry, which later edits move in place.
          const finding = moveFinding(make(report), 0, report.entry ?? -1);
          const entry = report.entry !== undefined ? list.entries[report.entry] : entryAt(list, finding.span.start);
          const own = entry && fresh.get(entry);
          // A finding we cannot tie to one checked entry is never cached, only reported.
          if (own) own.push(finding);
          else findings.push(make(report));
        },
      });
      for (const [entry, found] of fresh) {
        for (const finding of found) finding.entry = entry.index;
        results.set(entry, { start: entry.span.start, findings: found });
      }
    }
    for (const entry of list.entries) {
      const known = results.get(entry)!;
      const delta = entry.span.start - known.start;
      for (const finding of known.findings) findings.push(delta === 0 && finding.entry === entry.index ? finding : moveFinding(finding, delta, entry.index));
    }
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

/** The entry whose item holds an offset, if any. */
function entryAt(list: PaperList, offset: number): Entry | undefined {
  const entries = list.entries;
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const entry = entries[mid];
    if (offset < entry.span.start) high = mid - 1;
    else if (offset > entry.span.end) low = mid + 1;
    else return entry;
  }
  return undefined;
}

/** A copy of a cached finding for an entry that moved by `delta` and now has index `entry`. */
function moveFinding(finding: Finding, delta: number, entry: number): Finding {
  const move = (span: Span) => ({ start: span.start + delta, end: span.end + delta });
  return {
    ...finding,
    entry,
    span: move(finding.span),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, ...move(edit) })) })),
    ...(finding.related && { related: finding.related.map((related) => ({ ...related, span: move(related.span) })) }),
  };
}

/** Parses and lints text in one step. */
export function lintText(text: string, options: LintOptions = {}): { list: PaperList; findings: Finding[] } {
  const list = parseList(text, { cache: options.cache });
  return { list, findings: lintList(list, options) };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
