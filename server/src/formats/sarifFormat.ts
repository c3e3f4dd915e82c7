// SARIF 2.1.0 output, for GitHub code scanning (github/codeql-action/upload-sarif) and other viewers.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { JsonFinding } from '../cli';

import { readmeUrl, rulesDocumentationUrl } from '../core/rule';

export interface SarifRule {
  code: string;
  description: string;
  defaultSeverity: JsonFinding['severity'];
  /** The README heading that documents it, for codes that are not rules (the config file's problems). */
  anchor?: string;
}

const levelOf = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** A path as a relative URI reference: forward slashes, each segment percent-encoded. */
function uriOf(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** One run with one rule per code (every rule, so that rule indexes stay the same) and one result per finding. */
export function sarifLog(findings: readonly JsonFinding[], rules: readonly SarifRule[], version: string): Log {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => {
    const helpUri = rule.anchor ? `${readmeUrl}#${rule.anchor}` : `${rulesDocumentationUrl}#${rule.code}`;
    return {
      id: rule.code,
      shortDescription: { text: rule.description },
      fullDescription: { text: rule.description },
      helpUri,
      help: { text: `${rule.description} See ${helpUri}` },
      defaultConfiguration: { level: levelOf[rule.defaultSeverity] },
    };
  });
  const indexOf = new Map(rules.map((rule, index) => [rule.code, index]));
  const results: Result[] = findings.map((finding) => ({
    ruleId: finding.code,
    ...(indexOf.has(finding.code) && { ruleIndex: indexOf.get(finding.code) }),
    level: levelOf[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'paperlist', version, informationUri: 'https://github.com/paperlist/paperlist', rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
