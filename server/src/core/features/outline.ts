import type { Entry, PaperList, Section } from '../model';
import type { Finding, Severity } from '../rule';
import type { Span } from '../text';
import { entryHeadSpan } from '../analysis/entryHeadSpan';
import { entryAt } from './entries';

export interface OutlineEntryData {
  index: number;
  title: string;
  /** What makes two entries the same paper (arXiv id, DOI or normalised title). */
  identity: string;
  year?: number;
  line: number;
  span: Span;
  /** The worst severity among the findings inside the entry; undefined when it has none. */
  severity?: Severity;
}

export interface OutlineSectionData {
  title: string;
  level: number;
  line: number;
  span: Span;
  slug?: string;
  /** Entries directly under the heading, and in the whole subtree. */
  ownCount: number;
  totalCount: number;
  /** The errors and warnings found from the heading to the end of the section, subsections included. */
  errors: number;
  warnings: number;
  entries: OutlineEntryData[];
  children: OutlineSectionData[];
}

export interface OutlineData {
  /** Entries before the first heading. */
  entries: OutlineEntryData[];
  sections: OutlineSectionData[];
  totals: { entries: number; papers: number; problems: number; errors: number; warnings: number };
}

const severityRank: Record<Severity, number> = { error: 4, warning: 3, info: 2, hint: 1 };

/** Keeps the worse of two severities. */
export function worseSeverity(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return severityRank[a] >= severityRank[b] ? a : b;
}

/** The worst finding severity of each entry, by entry index. */
export function entrySeverities(list: PaperList, findings: readonly Finding[]): Map<number, Severity> {
  const worst = new Map<number, Severity>();
  for (const finding of findings) {
    const index = finding.entry ?? entryAt(list, finding.span.start)?.index;
    if (index === undefined) continue;
    worst.set(index, worseSeverity(worst.get(index), finding.severity)!);
  }
  return worst;
}

function entryData(list: PaperList, entry: Entry, severities: Map<number, Severity>): OutlineEntryData {
  return {
    index: entry.index,
    title: entry.title?.text ?? '(no title)',
    identity: entry.identity,
    year: entry.year?.value,
    line: entry.line,
    span: entryHeadSpan(list, entry),
    severity: severities.get(entry.index),
  };
}

/** The number of sorted offsets in [start, end), by binary search. */
function countWithin(sorted: readonly number[], start: number, end: number): number {
  const firstAtOrAfter = (offset: number): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return firstAtOrAfter(end) - firstAtOrAfter(start);
}

/** The section tree with entry counts and each entry's worst finding, for a sidebar and a status bar. */
export function outlineOf(list: PaperList, findings: readonly Finding[]): OutlineData {
  const severities = entrySeverities(list, findings);
  const offsetsOf = (severity: Severity): number[] =>
    findings.filter((finding) => finding.severity === severity).map((finding) => finding.span.start).sort((a, b) => a - b);
  const errorOffsets = offsetsOf('error');
  const warningOffsets = offsetsOf('warning');
  // The last section runs to the end of the text; a finding there starts at most at its length.
  const endOf = (span: Span): number => (span.end >= list.text.length ? Infinity : span.end);
  const visit = (section: Section): OutlineSectionData => {
    const children = section.children.map(visit);
    return {
      title: section.title,
      level: section.level,
      line: section.heading?.line ?? 0,
      span: section.span,
      slug: section.heading?.slug,
      ownCount: section.entries.length,
      totalCount: section.entries.length + children.reduce((sum, child) => sum + child.totalCount, 0),
      errors: countWithin(errorOffsets, section.span.start, endOf(section.span)),
      warnings: countWithin(warningOffsets, section.span.start, endOf(section.span)),
      entries: section.entries.map((entry) => entryData(list, entry, severities)),
      children,
    };
  };
  return {
    entries: list.root.entries.map((entry) => entryData(list, entry, severities)),
    sections: list.root.children.map(visit),
    totals: {
      entries: list.entries.length,
      papers: new Set(list.entries.map((entry) => entry.identity)).size,
      problems: findings.length,
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
    },
  };
}
