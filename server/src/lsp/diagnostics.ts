import { DiagnosticSeverity, type Connection, type Diagnostic, type Range } from 'vscode-languageserver';
import { configProblemCode, type Finding, type PaperList, type Severity, type Span } from '../core/index';
import { readmeUrl, rulesDocumentationUrl } from '../core/rule';
import { rangeOf } from './convert';
import type { Analysis } from '../infrastructure/documents';

export const diagnosticSource = 'paperlist';
/** Where each rule's section is: the anchor is the rule's code. */
export const docsUrl = rulesDocumentationUrl;

/**
 * At most this many related locations go out per diagnostic: a paper copied into hundreds of sections
 * would otherwise send n² of them. The other copies are a "Find All References" away.
 */
export const maxRelatedPerDiagnostic = 3;
/** At most this many diagnostics go out per rule and document, then one that says how many more there are. */
export const maxDiagnosticsPerRule = 1000;
/** The code of the diagnostic that stands for the findings of a rule beyond `maxDiagnosticsPerRule`. */
export const moreFindingsCode = 'more-findings';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the client can show, from its capabilities; fields it cannot show are not sent. */
export const diagnosticCapabilities = { codeDescription: true, relatedInformation: true };

/**
 * A diagnostic carries no `data`: code actions find their findings again by range. Clients that cannot
 * show a link to the rule's documentation or related locations get neither.
 */
export function toDiagnostic(uri: string, list: PaperList, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(list, finding.span),
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.code,
    message: finding.message,
  };
  if (diagnosticCapabilities.codeDescription) {
    // A broken config file is no rule: its notice links to the README's configuration section.
    diagnostic.codeDescription = { href: finding.code === configProblemCode ? `${readmeUrl}#configuration` : `${docsUrl}#${finding.code}` };
  }
  if (finding.related?.length && diagnosticCapabilities.relatedInformation) {
    diagnostic.relatedInformation = finding.related.slice(0, maxRelatedPerDiagnostic).map((related) => ({
      location: { uri, range: rangeOf(list, related.span) },
      message: related.message,
    }));
  }
  return diagnostic;
}

/**
 * The diagnostic of each finding, kept while the finding object lives: the lint hands back the same
 * finding objects for entries and parts an edit did not touch, so their diagnostics are not built again.
 * Keyed on the finding and the document's URI, and kept only while the finding's places are on the same
 * lines and columns: a line break typed over one character moves what is below it by a line and by no
 * offset, so the same finding object can stand on another line.
 */
const diagnosticsByFinding = new WeakMap<Finding, { uri: string; diagnostic: Diagnostic }>();

function diagnosticOf(uri: string, list: PaperList, finding: Finding): Diagnostic {
  const known = diagnosticsByFinding.get(finding);
  if (known?.uri === uri && standsWhereItDid(known.diagnostic, list, finding)) return known.diagnostic;
  const diagnostic = toDiagnostic(uri, list, finding);
  diagnosticsByFinding.set(finding, { uri, diagnostic });
  return diagnostic;
}

function standsWhereItDid(diagnostic: Diagnostic, list: PaperList, finding: Finding): boolean {
  if (!sameRange(diagnostic.range, list, finding.span)) return false;
  const related = diagnostic.relatedInformation;
  if (!related) return true;
  for (let i = 0; i < related.length; i++) if (!sameRange(related[i].location.range, list, finding.related![i].span)) return false;
  return true;
}

function sameRange(range: Range, list: PaperList, span: Span): boolean {
  const now = rangeOf(list, span);
  return range.start.line === now.start.line && range.start.character === now.start.character && range.end.line === now.end.line && range.end.character === now.end.character;
}

/**
 * The diagnostics to publish: every finding, except that a rule with more than `maxDiagnosticsPerRule`
 * findings in the document gets its first ones and then one notice of how many more there are, since an
 * editor cannot show tens of thousands of problems usefully. The CLI always prints them all.
 */
export function diagnosticsOf(uri: string, list: PaperList, findings: readonly Finding[]): Diagnostic[] {
  const perRule = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  const beyond: Finding[] = [];
  for (const finding of findings) {
    const count = (perRule.get(finding.code) ?? 0) + 1;
    perRule.set(finding.code, count);
    if (count <= maxDiagnosticsPerRule) diagnostics.push(diagnosticOf(uri, list, finding));
    else if (count === maxDiagnosticsPerRule + 1) beyond.push(finding);
  }
  for (const first of beyond) {
    const more = perRule.get(first.code)! - maxDiagnosticsPerRule;
    diagnostics.push({
      range: rangeOf(list, first.span),
      severity: DiagnosticSeverity.Information,
      source: diagnosticSource,
      code: moreFindingsCode,
      message:
        `${more.toLocaleString('en-US')} more ${first.code} problem${more === 1 ? ' is' : 's are'} not shown here, ` +
        `after the first ${maxDiagnosticsPerRule.toLocaleString('en-US')}; run "paperlist lint" on this file to list them all.`,
    });
  }
  return diagnostics;
}

export function publishDiagnostics(connection: Connection, analysis: Analysis): void {
  void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics: diagnosticsOf(analysis.uri, analysis.list, analysis.findings) });
}

/** Removes diagnostics we published before, for documents that stopped being paper lists or closed. */
export function clearDiagnostics(connection: Connection, uri: string): void {
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}

/** The code of the one notice published for a document longer than `paperList.maxFileSize`. */
export const tooLargeCode = 'max-file-size';

/** Says, on line 1, that the document is too large to lint and how to raise the limit, instead of linting it. */
export function publishTooLarge(connection: Connection, analysis: Analysis, length: number): void {
  const limit = analysis.settings.maxFileSize;
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: analysis.list.lines.lineEnd(0) } },
    severity: DiagnosticSeverity.Information,
    source: diagnosticSource,
    code: tooLargeCode,
    message:
      `This file has ${length.toLocaleString('en-US')} characters, more than the paperList.maxFileSize limit of ` +
      `${limit.toLocaleString('en-US')}, so paperlist does not lint it; raise "paperList.maxFileSize" in the settings to lint it.`,
  };
  void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics: [diagnostic] });
}
