import type { PaperListConfig, ResolvedConfig } from './config';
import type { Entry, PaperList } from './model';
import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Where the rules are documented, one section per code; the editor and SARIF link `#<code>` there. */
export const rulesDocumentationUrl = 'https://github.com/paperlist/paperlist/blob/main/docs/rules.md';
/** Where everything else is documented, one section per heading. */
export const readmeUrl = 'https://github.com/paperlist/paperlist';

/** Replace the text between two offsets of the document. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, as a quick-fix menu shows it: "Strip the tracking parameters". */
  title: string;
  edits: TextEdit[];
  /** Safe fixes keep every title and URL and need no judgement; only they run in fix-all and `--fix`. */
  safe: boolean;
  /** The one obvious fix for the finding, offered first. */
  preferred?: boolean;
  /**
   * The one way a safe fix may change what the entry says (see fixInvariant.ts): a year set to its arXiv
   * id's year, or a one-letter misspelling of a common label corrected; or, for `generated-region`, any
   * change inside a table of contents or paper count between paperlist markers (see tableOfContents.ts).
   */
  changesMeaning?: 'arxiv-year' | 'label-spelling' | 'generated-region';
}

export interface RelatedInformation {
  span: Span;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  related?: RelatedInformation[];
  /** The index of the entry the finding is about, when it is about one. */
  entry?: number;
}

/** What a rule reports; the code and severity are filled in from the rule and the config. */
export type Report = Omit<Finding, 'code' | 'severity' | 'fixes'> & { fixes?: Fix[] };

/** What the core needs from its surroundings; the CLI and the server each supply their own. */
export interface LintHost {
  /** Whether a path relative to the document's folder names an existing file; undefined when unknown. */
  fileExists?(relativePath: string): boolean | undefined;
}

export interface RuleContext {
  list: PaperList;
  /**
   * The entries to check. All of them for rules that look at the whole list; for entry-scoped rules,
   * only those whose findings are not known yet from the last lint of the same document.
   */
  entries: readonly Entry[];
  config: ResolvedConfig;
  host: LintHost;
  /** The year it is now, for judging whether a year is plausible. */
  currentYear: number;
  report(report: Report): void;
}

/** A finding a documented example must produce: its message and where it starts (one-based line and column). */
export interface ExpectedFinding {
  message: string;
  line: number;
  column: number;
}

/** A markdown text that the rule flags, as the docs show it and the example test runs it. */
export interface InvalidExample extends ExpectedFinding {
  text: string;
  /**
   * The text after the fix: what fix-all makes of it when the fix is safe, else what the first
   * quick fix makes of it. Required when the finding has a fix.
   */
  fixed?: string;
}

/** A rule's documentation, in the spirit of remark-lint's: the README table, docs/rules.md and a test come from it. */
export interface RuleDocs {
  /** What the rule finds, as a phrase for the README's rule table. */
  summary: string;
  /** What its fix does, for the rule table ("renumber the list (safe)"); "–" when it has none. */
  fix: string;
  /** The longer explanation in markdown, for docs/rules.md. */
  details?: string;
  examples: {
    /** Texts with no finding of the rule. */
    valid: string[];
    /** Texts with exactly one finding of the rule each. */
    invalid: InvalidExample[];
    /** A config the examples run with, when they need one. */
    config?: PaperListConfig;
    /** Relative paths that exist next to the example documents (for rules that look at files). */
    existingFiles?: string[];
  };
}

export interface Rule {
  /** Stable, kebab-case; used in config, inline comments, diagnostics and docs. */
  code: string;
  defaultSeverity: Severity;
  /** One sentence for the docs and the rule table. */
  description: string;
  fixable: boolean;
  /**
   * `entry` for rules whose verdict on an entry depends only on that entry's text and on the facts that
   * `contextKey` sums up; the linter then re-checks only the entries an edit touched.
   */
  scope?: 'entry';
  /** For entry-scoped rules: the list-wide facts the rule uses (its majority style, its vocabulary). */
  contextKey?(context: RuleContext): string;
  check(context: RuleContext): void;
  /** Its description, details and examples; docs/rules.md, the README table and a test are built from them. */
  docs: RuleDocs;
}
