import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Finding, PaperList, Severity } from '../core/index';
import { rangeOf } from './convert';
import type { Analysis } from './documents';

export const diagnosticSource = 'paperlist';
export const docsUrl = 'https://github.com/paperlist/paperlist';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a code action needs to find the finding behind a diagnostic again. */
export interface DiagnosticData {
  version: number;
  /** The finding's index among the findings of that version. */
  index: number;
  fixable: boolean;
  /** Whether a safe fix exists, which fix-all and `--fix` would apply. */
  safe: boolean;
}

export function toDiagnostic(uri: string, list: PaperList, finding: Finding, index: number, version: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(list, finding.span),
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.code,
    codeDescription: { href: `${docsUrl}#${finding.code}` },
    message: finding.message,
    data: { version, index, fixable: finding.fixes.length > 0, safe: finding.fixes.some((fix) => fix.safe) } satisfies DiagnosticData,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: rangeOf(list, related.span) },
      message: related.message,
    }));
  }
  return diagnostic;
}

export function publishDiagnostics(connection: Connection, analysis: Analysis): void {
  const diagnostics = analysis.findings.map((finding, index) => toDiagnostic(analysis.uri, analysis.list, finding, index, analysis.version));
  void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics });
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
