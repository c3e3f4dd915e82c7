import { defaultConfig, type ResolvedConfig } from './config';
import type { Entry, PaperList } from './model';
import { BlockCache, parseList } from './parseList';
import type { Finding, LintHost, Report, Rule, RuleContext } from './rule';
import { moveReport } from './memo';
import { allRules } from './rules/index';
import { applySuppressions } from './suppressions';
import { entryAt } from './features/entries';

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

/** What one entry-scoped rule found in one entry, under which list-wide facts, at which offset. */
interface EntrySlot {
  version: number;
  start: number;
  findings: Finding[];
}

interface ScopedRule {
  rule: Rule;
  slot: number;
  version: number;
  make: (report: Report) => Finding;
  context: RuleContext;
}

function versionOfSlot(slot: EntrySlot | number | undefined): number | undefined {
  return typeof slot === 'number' ? slot : slot?.version;
}

/** Runs every enabled rule over a parsed list and returns the findings in document order. */
export function lintList(list: PaperList, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig;
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const findings: Finding[] = [];
  const configKey = JSON.stringify(config);
  const cache = options.cache;
  const made = cache?.keep('findings by report', () => new WeakMap<Report, Finding>());
  const scoped: ScopedRule[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = config.rules[rule.code] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    const make = (report: Report): Finding => {
      // A rule that hands back a report it kept (see ReportsPerPart) gets back the finding made of it.
      const known = made?.get(report);
      if (known && known.code === rule.code && known.severity === setting) return known;
      const finding: Finding = {
        ...report,
        // Only the offsets: a rule may pass a field of the model, which carries more.
        span: { start: report.span.start, end: report.span.end },
        fixes: report.fixes ?? [],
        code: rule.code,
        severity: setting,
      };
      made?.set(report, finding);
      return finding;
    };
    const context: RuleContext = {
      list,
      entries: list.entries,
      config,
      host: options.host ?? {},
      currentYear,
      report: (report) => findings.push(make(report)),
    };
    if (rule.scope !== 'entry' || !cache) {
      rule.check(context);
      continue;
    }
    const key = `${setting}\u0000${currentYear}\u0000${configKey}\u0000${rule.contextKey?.(context) ?? ''}`;
    const slot = cache.slotOf(rule.code);
    scoped.push({ rule, slot, version: cache.versionOf(slot, key), make, context });
  }
  if (scoped.length) lintEntries(list, cache!, scoped, findings);
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

/** What the entry-scoped rules found in one entry, and under which versions of their list-wide facts. */
interface EntryMemo {
  /** Stands for the versions of all scoped rules when every slot was last brought up to date. */
  stamp: number;
  slots: (EntrySlot | number | undefined)[];
  /** Whether any slot holds findings, so that entries without any are passed over in one comparison. */
  hasFindings: boolean;
}

/**
 * Runs the entry-scoped rules on the entries whose findings are not known under the rule's current
 * list-wide facts, and reuses the known findings of the others, moved to where their entry now stands.
 * Most keystrokes change no list-wide fact, so most entries are settled by comparing one stamp.
 */
function lintEntries(
  list: PaperList,
  cache: BlockCache,
  scoped: ScopedRule[],
  findings: Finding[],
): void {
  const stamp = cache.stampOf(scoped.map(({ slot, version }) => `${slot}:${version}`).join(' '));
  const stale: Entry[][] = scoped.map(() => []);
  const withFindings: Entry[] = [];
  const refreshed: Entry[] = [];
  const memos = cache.entrySlots as WeakMap<Entry, EntryMemo>;
  for (const entry of list.entries) {
    let memo = memos.get(entry);
    if (!memo) {
      memo = { stamp: -1, slots: [], hasFindings: false };
      memos.set(entry, memo);
    }
    if (memo.stamp === stamp) {
      if (memo.hasFindings) withFindings.push(entry);
      continue;
    }
    for (let r = 0; r < scoped.length; r++) if (versionOfSlot(memo.slots[scoped[r].slot]) !== scoped[r].version) stale[r].push(entry);
    refreshed.push(entry);
  }
  scoped.forEach(({ rule, slot, version, make, context }, r) => {
    // The rule runs on every lint, with only its stale entries: what it reports outside every entry (a
    // broken link in prose) is tied to no entry, so it is never cached and must be reported each time.
    const fresh = new Map<Entry, Finding[]>(stale[r].map((entry) => [entry, []]));
    rule.check({
      ...context,
      entries: stale[r],
      report: (report) => {
        const entry = report.entry !== undefined ? list.entries[report.entry] : entryAt(list, report.span.start);
        const own = entry && fresh.get(entry);
        // A copy, since a report may share span objects with the entry, which later edits move in place.
        if (own) own.push(moveFinding(make(report), 0, entry.index));
        // A finding we cannot tie to one checked entry is never cached, only reported.
        else findings.push(make(report));
      },
    });
    // An entry without findings, most of them, keeps just the version: one number instead of an object.
    for (const [entry, found] of fresh) memos.get(entry)!.slots[slot] = found.length ? { version, start: entry.span.start, findings: found } : version;
  });
  for (const entry of refreshed) {
    const memo = memos.get(entry)!;
    memo.stamp = stamp;
    memo.hasFindings = scoped.some(({ slot }) => typeof memo.slots[slot] === 'object');
    if (memo.hasFindings) withFindings.push(entry);
  }
  for (const entry of withFindings) {
    const { slots } = memos.get(entry)!;
    for (const { slot } of scoped) {
      const known = slots[slot]!;
      if (typeof known === 'number') continue;
      const delta = entry.span.start - known.start;
      if (known.findings.length && (delta !== 0 || known.findings[0].entry !== entry.index)) {
        for (const finding of known.findings) shiftFinding(finding, delta, entry.index);
      }
      known.start = entry.span.start;
      for (const finding of known.findings) findings.push(finding);
    }
  }
}

/** A copy of a finding for an entry that moved by `delta` and now has index `entry`. */
function moveFinding(finding: Finding, delta: number, entry: number): Finding {
  return { ...moveReport(finding, delta), entry };
}

/**
 * Moves a kept finding with its entry, in place, as the parse moves the entry: kept findings are the
 * linter's own copies, and the findings of one lint are not used after the next lint with the same cache
 * (docs/architecture.md, "What survives an edit"). Most keystrokes move every finding below them.
 */
function shiftFinding(finding: Finding, delta: number, entry: number): void {
  finding.entry = entry;
  if (delta === 0) return;
  finding.span.start += delta;
  finding.span.end += delta;
  for (const fix of finding.fixes) {
    for (const edit of fix.edits) {
      edit.start += delta;
      edit.end += delta;
    }
  }
  for (const related of finding.related ?? []) {
    related.span.start += delta;
    related.span.end += delta;
  }
}

/** Parses and lints text in one step. */
export function lintText(text: string, options: LintOptions = {}): { list: PaperList; findings: Finding[] } {
  const list = parseList(text, { cache: options.cache });
  return { list, findings: lintList(list, options) };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
