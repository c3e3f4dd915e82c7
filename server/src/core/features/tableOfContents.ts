// Generated regions of a list: a table of contents between `<!-- paperlist:toc -->` and
// `<!-- /paperlist:toc -->`, and the number of distinct papers in `<!-- paperlist:count -->N<!-- /paperlist:count -->`.
// Only what stands between the markers is ever rewritten; a list without markers is left alone.
import { headingAnchors } from '../headingAnchor';
import type { PaperList, Section } from '../model';
import type { TextEdit } from '../rule';
import type { Span } from '../text';

const tocOpen = /^[ \t]{0,3}<!--[ \t]*paperlist:toc[ \t]*-->[ \t]*$/;
const tocClose = /^[ \t]{0,3}<!--[ \t]*\/paperlist:toc[ \t]*-->[ \t]*$/;
const countPattern = /<!--[ \t]*paperlist:count[ \t]*-->([^\n<]*)<!--[ \t]*\/paperlist:count[ \t]*-->/g;
const fencePattern = /^[ \t]{0,3}(`{3,}|~{3,})/;

export interface GeneratedRegion {
  kind: 'toc' | 'count';
  /** The opening marker (for a table of contents, its whole line). */
  marker: Span;
  /** What stands between the markers and is replaced when stale. */
  inner: Span;
}

export interface MarkerProblem {
  span: Span;
  message: string;
}

/** Whether the text names a marker at all: most lists have none, and then nothing else is done. */
export function hasMarkers(text: string): boolean {
  return text.includes(markerWord);
}

/** What every marker holds. */
const markerWord = 'paperlist:';

/**
 * `hasMarkers` for a parsed list. When the last parse of the document had none, only the edited span can
 * have brought one in, so a keystroke searches that span (widened by a marker's length on each side)
 * rather than the whole text.
 */
function listHasMarkers(list: PaperList): boolean {
  const known = list.cache.keep('generated-region markers', () => ({ parse: 0, has: true }));
  if (known.parse === list.parse) return known.has;
  const edited = list.edited;
  known.has =
    edited && known.parse === edited.since && !known.has
      ? list.text.slice(Math.max(0, edited.start - markerWord.length), edited.end + markerWord.length).includes(markerWord)
      : hasMarkers(list.text);
  known.parse = list.parse;
  return known.has;
}

/**
 * The generated regions of a document, outside fenced code and inline code, so that documentation that
 * shows the markers is not rewritten; and the markers left unclosed.
 */
export function generatedRegions(text: string): { regions: GeneratedRegion[]; problems: MarkerProblem[] } {
  const regions: GeneratedRegion[] = [];
  const problems: MarkerProblem[] = [];
  if (!hasMarkers(text)) return { regions, problems };
  let fence: string | undefined;
  let open: { marker: Span; innerStart: number } | undefined;
  let offset = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(offset, end).replace(/\r$/, '');
    const next = newline === -1 ? text.length + 1 : newline + 1;
    const fenceMatch = fencePattern.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && !line.trim().slice(fenceMatch[1].length).trim()) fence = undefined;
    } else if (!fence) {
      if (tocOpen.test(line)) {
        if (open) problems.push({ span: open.marker, message: 'The <!-- paperlist:toc --> marker has no closing <!-- /paperlist:toc --> before the next one; expected one after the table of contents.' });
        open = { marker: { start: offset, end: offset + line.length }, innerStart: Math.min(next, text.length) };
      } else if (tocClose.test(line)) {
        if (open) regions.push({ kind: 'toc', marker: open.marker, inner: { start: open.innerStart, end: offset } });
        else problems.push({ span: { start: offset, end: offset + line.length }, message: 'The <!-- /paperlist:toc --> marker closes no <!-- paperlist:toc -->; expected an opening marker above it.' });
        open = undefined;
      } else if (line.includes('paperlist:count')) {
        countPattern.lastIndex = 0;
        // Backticks before each match, counted as the matches go, so that a long line costs one pass.
        let ticks = 0;
        let counted = 0;
        for (let match = countPattern.exec(line); match; match = countPattern.exec(line)) {
          for (; counted < match.index; counted++) if (line.charCodeAt(counted) === 96) ticks++;
          // A marker inside `inline code` is documentation, not a region.
          if (ticks % 2 === 1) continue;
          const innerStart = offset + match.index + match[0].indexOf('-->') + 3;
          regions.push({ kind: 'count', marker: { start: offset + match.index, end: innerStart }, inner: { start: innerStart, end: innerStart + match[1].length } });
        }
      }
    }
    offset = next;
  }
  if (open) problems.push({ span: open.marker, message: 'The <!-- paperlist:toc --> marker has no closing <!-- /paperlist:toc -->; expected one after the table of contents.' });
  regions.sort((a, b) => a.inner.start - b.inner.start);
  return { regions, problems };
}

/** The distinct papers of a section and its subsections. */
function papersUnder(section: Section, into: Set<string>): Set<string> {
  for (const entry of section.entries) into.add(entry.identity);
  for (const child of section.children) papersUnder(child, into);
  return into;
}

/** The number of distinct papers in the list (one paper listed in several sections counts once). */
export function distinctPapers(list: PaperList): number {
  return new Set(list.entries.map((entry) => entry.identity)).size;
}

/** Brackets in a heading would end the link text early. */
const linkText = (text: string) => text.replace(/([\\[\]])/g, '\\$1');

/**
 * The lines of the table of contents for a region that ends at `after`: the headings below it (the
 * title and a "Contents" heading above it stay out), nested by level, each linked by GitHub's anchor,
 * with the section's distinct papers in parentheses when `counts` is on.
 */
export function tableOfContents(list: PaperList, after: number, counts: boolean): string[] {
  const anchors = headingAnchors(list.text, list.headings);
  const sectionOf = new Map(list.sections.filter((section) => section.heading).map((section) => [section.heading!, section]));
  const shown = list.headings.map((heading, index) => ({ heading, anchor: anchors[index] })).filter(({ heading }) => heading.span.start >= after && heading.text.trim());
  if (!shown.length) return [];
  const top = Math.min(...shown.map(({ heading }) => heading.level));
  return shown.map(({ heading, anchor }) => {
    const section = sectionOf.get(heading);
    const papers = counts && section ? papersUnder(section, new Set()).size : 0;
    return `${'  '.repeat(heading.level - top)}- [${linkText(heading.text.trim())}](#${anchor})${papers ? ` (${papers})` : ''}`;
  });
}

export interface StaleRegion {
  region: GeneratedRegion;
  expected: string;
  message: string;
}

/** The regions whose text is not what they would be generated as now. */
export function staleRegions(list: PaperList, counts: boolean): { stale: StaleRegion[]; problems: MarkerProblem[] } {
  if (!listHasMarkers(list)) return { stale: [], problems: [] };
  const { regions, problems } = generatedRegions(list.text);
  const stale: StaleRegion[] = [];
  if (!regions.length) return { stale, problems };
  const eol = list.text.includes('\r\n') ? '\r\n' : '\n';
  for (const region of regions) {
    const current = list.text.slice(region.inner.start, region.inner.end);
    if (region.kind === 'count') {
      const expected = String(distinctPapers(list));
      if (current.trim() !== expected) stale.push({ region, expected, message: `The paper count says "${current.trim()}"; expected ${expected}, the number of distinct papers in the list.` });
      continue;
    }
    const lines = tableOfContents(list, region.inner.end, counts);
    const expected = lines.map((line) => line + eol).join('');
    if (current === expected) continue;
    const have = new Set(current.split(/\r?\n/).map((line) => line.trim()).filter(Boolean));
    const want = new Set(lines.map((line) => line.trim()));
    const missing = [...want].filter((line) => !have.has(line)).length;
    const extra = [...have].filter((line) => !want.has(line)).length;
    const parts = [missing && `${missing} heading${missing === 1 ? ' is' : 's are'} missing or changed`, extra && `${extra} line${extra === 1 ? ' names' : 's name'} no current heading`].filter(Boolean);
    stale.push({ region, expected, message: `The table of contents is out of date${parts.length ? ` (${parts.join(', ')})` : ' (order or indentation)'}; expected one line per heading below it.` });
  }
  return { stale, problems };
}

/** Whether every edit lies inside a generated region: only there may a safe fix rewrite words. */
export function editsInsideGeneratedRegions(text: string, edits: readonly TextEdit[]): boolean {
  const { regions } = generatedRegions(text);
  return edits.every((edit) => regions.some((region) => region.inner.start <= edit.start && edit.end <= region.inner.end));
}
