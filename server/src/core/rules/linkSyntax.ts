import type { Span } from '../text';
import type { ResolvedConfig } from '../config';
import { houseStyleOf } from '../analysis/houseStyleOf';
import type { PaperList } from '../model';
import type { Fix, Report, Rule, TextEdit } from '../rule';
import { innerWhitespace, reportsOutsideEntries, scanLinks, scanUnclosedLabels, type ScannedLink } from '../analysis/linkSyntaxScan';
import { shorten } from '../text';

/** Whether the list wraps each link in brackets, `[[Paper](url)]`, or writes it bare, `[paper](url)`. */
type GroupStyle = 'double' | 'single';

/** The house style's link brackets; `[[paper]](url)` lists write no bracket after the link either. */
function groupStyle(list: PaperList, config: ResolvedConfig): GroupStyle {
  const house = houseStyleOf(list, config.houseStyle);
  if (house.style.labelBrackets !== 'double') return 'single';
  // A list that writes its groups another way, `[[Paper]](url)`, for one group in ten or more (and more
  // than a handful) has two ways, both of which render: that is house-style's business, not broken syntax.
  const evidence = house.evidence.labelBrackets;
  const others = evidence ? evidence.of - evidence.agree : 0;
  return house.pinned.includes('labelBrackets') || !evidence || others < mixedMinimum || evidence.agree >= clearShare * evidence.of ? 'double' : 'single';
}

/** The share of link groups in the double-bracket style that makes it the list's only way. */
const clearShare = 0.9;
/** Fewer groups than this in another style are slips, whatever their share. */
const mixedMinimum = 5;

const closes = (ch: string | undefined) => ch === undefined || ch === '[' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/** Reports the missing `)` of a link whose URL scan stopped at a `]` or the line end. */
/**
 * Whether a `)` follows on the same line after the place where the URL's scan stopped, before the
 * next link's `](`: one that belongs to a later link says nothing about this one.
 */
function laterParen(text: string, from: number): boolean {
  for (let at = from; at < text.length; at++) {
    const ch = text[at];
    if (ch === ')') return true;
    if (ch === '\n' || ch === '\r' || (ch === ']' && text[at + 1] === '(')) return false;
  }
  return false;
}

function checkUnclosed(text: string, link: ScannedLink, label: string, report: (report: Report) => void): void {
  const url = text.slice(link.urlStart, link.urlEnd);
  const span = url ? { start: link.urlStart, end: link.urlEnd } : { start: link.parenOpen, end: link.parenOpen + 1 };
  const fixes: Fix[] = [];
  // Only a plain URL has an obvious end; with spaces or an open parenthesis inside, the `)` could go elsewhere.
  // A `)` later on the line may be the real end of a URL that holds a `]`: then where to close is not clear.
  if (url && !innerWhitespace(text, link.urlStart, link.urlEnd) && link.parenDepth === 0 && !laterParen(text, link.stopAt)) {
    const safe = link.stop === 'line' || closes(text[link.stopAt + 1]);
    fixes.push({ title: 'Close the URL with ")"', edits: [{ start: link.urlEnd, end: link.urlEnd, newText: ')' }], safe, preferred: true });
  }
  report({
    span,
    message: url
      ? `Link "${label}" has no ")" after its URL "${shorten(url, 60)}"; expected "[${label}](${shorten(url, 60)})".`
      : `Link "${label}" opens "(" but never closes it; expected "[${label}](url)".`,
    fixes,
  });
}

/** Reports an empty URL, or white space inside the URL that keeps markdown from rendering the link. */
function checkUrl(text: string, link: ScannedLink, label: string, report: (report: Report) => void): void {
  const url = text.slice(link.urlStart, link.urlEnd);
  if (!url || url === '<>') {
    report({
      span: { start: link.parenOpen, end: link.stopAt + 1 },
      message: `Link "${label}" has an empty URL; expected a URL between "(" and ")".`,
    });
    return;
  }
  // Markdown takes `[a](b)` or `[https://…` as the URL itself, so the link leads nowhere.
  const inner = url.startsWith('[') ? url.indexOf('](') : -1;
  if (inner !== -1) {
    const innerUrl = url.slice(inner + 2, url.endsWith(')') ? -1 : undefined);
    report({
      span: { start: link.urlStart, end: link.urlEnd },
      message: `Link "${label}" has another link "${shorten(url, 60)}" as its URL; expected one link, "[${label}](${shorten(innerUrl, 60)})".`,
    });
    return;
  }
  if (url.startsWith('[')) {
    report({
      span: { start: link.urlStart, end: link.urlStart + 1 },
      message: `Link "${label}" has a URL that starts with "[", "${shorten(url, 60)}"; expected "[${label}](${shorten(url.slice(1), 60)})".`,
    });
    return;
  }
  const whitespace = innerWhitespace(text, link.urlStart, link.urlEnd);
  if (!whitespace) return;
  // `<url with spaces>` and `url "title"` are valid markdown.
  if (url.startsWith('<') && url.endsWith('>')) return;
  let titleStart = whitespace.start;
  while (/\s/.test(text[titleStart])) titleStart++;
  const pairs: Record<string, string> = { '"': '"', "'": "'", '(': ')' };
  const opener = text[titleStart];
  if (opener in pairs && text[link.urlEnd - 1] === pairs[opener] && link.urlEnd - 1 > titleStart) return;
  report({
    span: whitespace,
    message: `URL "${shorten(url, 60)}" of link "${label}" contains white space, so it does not render as a link; expected a URL without spaces.`,
    fixes: [
      {
        title: 'Remove the white space from the URL',
        edits: [{ start: link.urlStart, end: link.urlEnd, newText: url.replace(/\s+/g, '') }],
        safe: false,
      },
    ],
  });
}

/** Reports a bracket of the group that has no partner, or brackets closed before the URL. */
function checkBrackets(text: string, link: ScannedLink, label: string, style: GroupStyle, report: (report: Report) => void): void {
  const closeAt = link.stopAt + 1;
  const hasClose = text[closeAt] === ']';
  const hasOpen = link.openRun >= 2;
  const shortLabel = shorten(label, 30);
  if (link.extraClose) {
    // In a list of bare links, `[[paper]](url)` is a valid link whose label shows its brackets.
    if (style === 'single') return;
    const extra = { start: link.labelEnd + 1, end: link.labelEnd + 2 };
    const edits = [{ ...extra, newText: '' }];
    if (!hasClose) edits.push({ start: closeAt, end: closeAt, newText: ']' });
    report({
      span: { start: link.labelEnd, end: link.labelEnd + 2 },
      message: `Link group "[[${shortLabel}]](…)" closes its brackets before the URL; expected "[[${shortLabel}](…)]".`,
      fixes: [{ title: 'Move the "]" after the URL', edits, safe: true, preferred: true }],
    });
    return;
  }
  if (hasOpen && !hasClose) {
    reportUnpaired(report, style, shortLabel, ']', { start: link.linkStart - 1, end: link.linkStart }, { start: closeAt, end: closeAt, newText: ']' });
  } else if (!hasOpen && hasClose && !link.pendingOpen) {
    reportUnpaired(report, style, shortLabel, '[', { start: closeAt, end: closeAt + 1 }, { start: link.linkStart, end: link.linkStart, newText: '[' });
  }
}

/**
 * A link group's bracket whose partner (`missing`) is absent. Where the list writes double brackets the
 * partner is added, safely; where it writes single ones the bracket is stray, and which fix is meant is
 * the user's call.
 */
function reportUnpaired(report: (report: Report) => void, style: GroupStyle, label: string, missing: '[' | ']', stray: Span, partner: TextEdit): void {
  const closing = missing === ']';
  const addPartner = closing ? 'Close the link group with "]"' : 'Open the link group with "["';
  const strayBracket = closing ? '[' : ']';
  if (style === 'double') {
    report({
      span: stray,
      message: `Link group "${closing ? `[[${label}](…)` : `[${label}](…)]`}" has no ${closing ? 'closing' : 'opening'} "${missing}"; expected "[[${label}](…)]" as in the rest of the list.`,
      fixes: [{ title: addPartner, edits: [partner], safe: true, preferred: true }],
    });
    return;
  }
  report({
    span: stray,
    message: `Link "${label}" has a stray "${strayBracket}" ${closing ? 'before' : 'after'} it; expected "[${label}](…)" as in the rest of the list.`,
    fixes: [
      { title: `Remove the stray "${strayBracket}"`, edits: [{ ...stray, newText: '' }], safe: false, preferred: true },
      { title: addPartner, edits: [partner], safe: false },
    ],
  });
}

/** Reports `[label(url)`, a label whose `]` is missing before the `(` of its URL. */
function checkUnclosedLabels(text: string, from: number, to: number, report: (report: Report) => void): void {
  for (const found of scanUnclosedLabels(text, from, to)) {
    const label = shorten(text.slice(found.labelStart, found.parenOpen), 60);
    const url = shorten(text.slice(found.urlStart, found.urlEnd), 60);
    const after = text[found.urlEnd + 1];
    // With the `)` in place and the group closed or the line ended, the `]` can only go before the `(`.
    const safe = found.closed && (after === ']' || after === '[' || closes(after));
    report({
      span: { start: found.parenOpen, end: found.parenOpen + 1 },
      message: `Link "${label}" has no "]" between its label and its URL "${url}"; expected "[${label}](${url})".`,
      fixes: [{ title: 'Close the label with "]"', edits: [{ start: found.parenOpen, end: found.parenOpen, newText: ']' }], safe, preferred: true }],
    });
  }
}

/**
 * Checks every link candidate from `from` to `to`. Outside the entries the list's link groups do not
 * apply, so `[[label]](url)` there is the valid link it renders as.
 */
/**
 * One bracket pair around several links set apart by a comma or a space, `[[page](u), [code](v)]` or
 * `[[a](u) [b](v)]`: it renders, and its links have one bracket each by design. Glued links,
 * `[[a](u)[b](v)]`, are still read as two groups that each miss a bracket. Returns the spans of such groups between two offsets.
 */
function sharedGroups(text: string, from: number, to: number): Span[] {
  const groups: Span[] = [];
  const piece = text.slice(from, to);
  if (!piece.includes('[[')) return groups;
  for (const match of piece.matchAll(/\[\[[^[\]\n]*\]\([^()\s]*\)(?:(?:[ \t]{0,3},[ \t]{0,3}|[ \t]{1,3})\[[^[\]\n]*\]\([^()\s]*\))+\]/g)) {
    groups.push({ start: from + match.index!, end: from + match.index! + match[0].length });
  }
  return groups;
}

function checkLinks(text: string, from: number, to: number, style: GroupStyle, inEntry: boolean, report: (report: Report) => void): void {
  const shared = sharedGroups(text, from, to);
  const inShared = (offset: number) => shared.some((group) => offset > group.start && offset < group.end);
  for (const link of scanLinks(text, from, to)) {
    const label = shorten(text.slice(link.labelStart, link.labelEnd), 60);
    if (link.gapEnd > link.gapStart) {
      const gap = { start: link.gapStart, end: link.gapEnd };
      report({
        span: gap,
        message: `Link "${label}" has white space between "]" and "(", so it does not render as a link; expected "[${label}](…)".`,
        fixes: [{ title: 'Remove the white space before "("', edits: [{ ...gap, newText: '' }], safe: true, preferred: true }],
      });
    }
    if (link.stop !== 'paren') {
      checkUnclosed(text, link, label, report);
      continue;
    }
    checkUrl(text, link, label, report);
    if ((inEntry || !link.extraClose) && !inShared(link.linkStart)) checkBrackets(text, link, label, style, report);
  }
}

/** The findings in the text outside every entry of a paper list: headings, prose, tables, other items. */
function outsideReports(list: PaperList, style: GroupStyle): Report[] {
  return reportsOutsideEntries(list, 'link-syntax outside entries', style, (block) => {
    const reports: Report[] = [];
    const push = (finding: Report) => reports.push(finding);
    checkUnclosedLabels(list.text, block.start, block.end, push);
    checkLinks(list.text, block.start, block.end, style, false, push);
    return reports;
  });
}

/** A malformed link group: a missing bracket or parenthesis, a space before the URL, an empty URL or a space inside it. */
export const linkSyntaxRule: Rule = {
  code: 'link-syntax',
  defaultSeverity: 'error',
  description: 'A malformed link group: a missing bracket or parenthesis, a space before the URL, an empty URL or a space inside it.',
  fixable: true,
  scope: 'entry',
  contextKey: ({ list, config }) => groupStyle(list, config),
  check({ list, entries, config, report }) {
    const style = groupStyle(list, config);
    const text = list.text;
    for (const entry of entries) {
      // Brackets in the title, such as "**[RLHF] Title**", are not links; the scan starts after the title and authors.
      // Authors on a line below the links do not move the start.
      const authorsEnd = entry.authorsLine === 'same' ? entry.authors?.outer.end : undefined;
      const from = authorsEnd ?? entry.title?.outer.end ?? entry.span.start;
      const reportForEntry = (finding: Report) => report({ ...finding, entry: entry.index });
      // A label run into its URL is broken wherever it stands, in the title too.
      checkUnclosedLabels(text, entry.span.start, entry.span.end, reportForEntry);
      checkLinks(text, from, entry.span.end, style, true, reportForEntry);
    }
    // Links outside the entries: reported on every lint, since the linter caches findings per entry only.
    for (const finding of outsideReports(list, style)) report(finding);
  },
  docs: {
    summary: 'a malformed link group: `[[Paper](url)`, `[Paper](url)]`, `[[Paper] (url)]`, a missing `)`, an empty URL, white space inside the URL',
    fix: 'where unambiguous',
    details: `A malformed link group: \`[[Paper](url)\` (missing \`]\`), \`[Paper](url)]\` (missing \`[\`), \`[[Paper] (url)]\`
(a space before the URL: markdown shows it as text), a missing \`)\`, an empty URL, white space inside the
URL. Fixes are safe where the intent is unambiguous (add the bracket, remove the space before \`(\`).`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)
`,
          message: 'Link group "[[Paper](…)" has no closing "]"; expected "[[Paper](…)]" as in the rest of the list.',
          line: 5,
          column: 37,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper] (https://example.org/c)]
`,
          message: 'Link "Paper" has white space between "]" and "(", so it does not render as a link; expected "[Paper](…)".',
          line: 5,
          column: 45,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
      ],
    },
  },
};
