import type { Entry, PaperList, Section } from '../model';
import type { Span } from '../text';
import { entryHeadSpan } from '../analysis/entryHeadSpan';

export interface SymbolData {
  kind: 'section' | 'entry';
  name: string;
  detail?: string;
  span: Span;
  selectionSpan: Span;
  children: SymbolData[];
}

function entrySymbol(list: PaperList, entry: Entry): SymbolData {
  return {
    kind: 'entry',
    name: entry.title?.text || '(no title)',
    detail: [entry.authors?.text, entry.venue?.text, entry.year?.text].filter(Boolean).join(' ') || undefined,
    span: entry.span,
    selectionSpan: entryHeadSpan(list, entry),
    children: [],
  };
}

/** The sections that hold entries, each with its subsections and entries, in document order. */
export function documentSymbolsOf(list: PaperList): SymbolData[] {
  const visit = (section: Section): SymbolData | undefined => {
    const subsections = section.children.map(visit).filter((symbol): symbol is SymbolData => symbol !== undefined);
    if (!subsections.length && !section.entries.length) return undefined;
    const children = [...section.entries.map((entry) => entrySymbol(list, entry)), ...subsections].sort((a, b) => a.span.start - b.span.start);
    const heading = section.heading!;
    const count = countEntries(section);
    return {
      kind: 'section',
      name: section.title || '(untitled section)',
      detail: `${count} entr${count === 1 ? 'y' : 'ies'}`,
      span: section.span,
      selectionSpan: heading.span,
      children,
    };
  };
  const top = list.root.children.map(visit).filter((symbol): symbol is SymbolData => symbol !== undefined);
  return [...list.root.entries.map((entry) => entrySymbol(list, entry)), ...top];
}

function countEntries(section: Section): number {
  return section.entries.length + section.children.reduce((sum, child) => sum + countEntries(child), 0);
}

export interface FoldingData {
  startLine: number;
  endLine: number;
}

/** One fold per section, from its heading to its last non-blank line. */
export function foldingRangesOf(list: PaperList): FoldingData[] {
  const ranges: FoldingData[] = [];
  for (const section of list.sections) {
    if (!section.heading) continue;
    const startLine = section.heading.line;
    let endLine = list.lines.lineAt(Math.max(section.span.start, section.span.end - 1));
    while (endLine > startLine && !list.lines.lineText(endLine).trim()) endLine--;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
