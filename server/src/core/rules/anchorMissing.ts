import { headingAnchors } from '../headingAnchor';
import type { Block } from '../blocks';
import { memoPerBlock, ReportsPerPart } from '../memo';
import type { DocumentLink, PaperList } from '../model';
import type { Report, Rule } from '../rule';
import { decodeURIComponentSafe } from '../text';

/** `#L10` and `#L10-L20` select lines in GitHub's file view; they are never headings. */
const lineReferencePattern = /^L\d+(?:-L\d+)?$/;
const attributePattern = /\b(?:id|name)\s*=\s*(["'])/gi;
/** Longer fragments get no suggestion: comparing them with every heading would cost too much. */
const maxSuggestionLength = 100;
/** Edit-distance cells one check may compute, so that thousands of dead links stay fast. */
const suggestionBudget = 5_000_000;


/** The `id` and `name` attributes of some HTML, such as `<a name="x">`. */
function htmlAnchorsIn(text: string): string[] {
  const anchors: string[] = [];
  attributePattern.lastIndex = 0;
  // A scan with indexOf for the closing quote stays linear even when quotes are never closed.
  for (let match = attributePattern.exec(text); match; match = attributePattern.exec(text)) {
    const valueStart = match.index + match[0].length;
    const close = text.indexOf(match[1], valueStart);
    if (close === -1) break;
    anchors.push(text.slice(valueStart, close));
    attributePattern.lastIndex = close + 1;
  }
  return anchors;
}

/** The anchors of one block, kept while the block's text is: a keystroke scans one block, not the document. */
const blockAnchors = memoPerBlock((block, text) => {
  const own = text.slice(block.start, block.end);
  return own.includes('=') ? htmlAnchorsIn(own) : [];
});

/** The `id` and `name` attributes of the document's HTML, block by block. */
function htmlAnchors(list: PaperList): string[] {
  const anchors: string[] = [];
  for (const block of list.blocks) for (const anchor of blockAnchors(block, list.text)) anchors.push(anchor);
  return anchors;
}

interface Budget {
  cells: number;
}

/** Edit distance, giving up (returning `limit + 1`) once it must exceed `limit` or the budget runs out. */
function distance(a: string, b: string, limit: number, budget: Budget): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  budget.cells -= a.length * b.length;
  if (budget.cells < 0) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowBest = Math.min(rowBest, current[j]);
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Whether one text contains the other and the shorter is long enough to mean something, like `#new-prompts` and `prompts`. */
function contains(fragment: string, slug: string): boolean {
  const [shorter, longer] = fragment.length <= slug.length ? [fragment, slug] : [slug, fragment];
  return shorter.length >= 4 && shorter.length * 2 >= longer.length && longer.includes(shorter);
}

/**
 * The heading slug closest to a fragment: a small edit away (a typo, a missing `-1`), or else one that
 * contains the fragment or is contained in it (a heading renamed by a word or two).
 */
function closestSlug(fragment: string, slugs: readonly string[], budget: Budget): string | undefined {
  if (fragment.length > maxSuggestionLength) return undefined;
  const limit = Math.max(2, Math.floor(fragment.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const slug of slugs) {
    const found = distance(fragment, slug, limit, budget);
    if (found < bestDistance) {
      best = slug;
      bestDistance = found;
    }
  }
  return best ?? slugs.find((slug) => contains(fragment, slug));
}

/** The fragment as the source writes it, since remark may have percent-encoded the URL. */
function writtenUrl(list: PaperList, url: string, span: { start: number; end: number }): string {
  const written = list.text.slice(span.start, span.end);
  return written.startsWith('#') ? written : url;
}

/** The `#fragment` links (not images) of each block that has any. */
const blockFragmentLinks = memoPerBlock((block) => (block.links ?? []).filter((link) => link.kind !== 'image' && link.url.startsWith('#')));

function fragmentLinksByBlock(list: PaperList): [Block, DocumentLink[]][] {
  const found: [Block, DocumentLink[]][] = [];
  for (const block of list.blocks) {
    if (block.kind === 'code' || block.kind === 'comment') continue;
    const links = blockFragmentLinks(block, list.text);
    if (links.length) found.push([block, links]);
  }
  return found;
}

function targetsOf(slugs: readonly string[], anchors: readonly string[]): { all: Set<string>; lowerCased: Set<string> } {
  const all = new Set([...slugs, ...anchors]);
  return { all, lowerCased: new Set([...all].map((target) => target.toLowerCase())) };
}

/** The finding for a `#fragment` link that matches no anchor, with the closest heading as a suggestion. */
function missingAnchorReport(list: PaperList, link: DocumentLink, slugs: readonly string[], targets: { all: Set<string>; lowerCased: Set<string> }, budget: Budget): Report | undefined {
  const raw = link.url.slice(1);
  const fragment = decodeURIComponentSafe(raw);
  // An empty fragment and `#top` scroll to the top of the page by the HTML standard.
  if (!fragment || fragment.toLowerCase() === 'top' || lineReferencePattern.test(raw)) return undefined;
  if (targets.all.has(fragment) || targets.all.has(raw) || targets.lowerCased.has(fragment.toLowerCase())) return undefined;
  const written = writtenUrl(list, link.url, link.urlSpan);
  const canReplace = list.text.slice(link.urlSpan.start, link.urlSpan.end) === written;
  const suggestion = closestSlug(fragment.toLowerCase(), slugs, budget);
  return {
    span: link.urlSpan,
    message: suggestion
      ? `Link "${written}" matches no heading or anchor in this document; did you mean "#${suggestion}"?`
      : `Link "${written}" matches no heading or anchor in this document; expected the anchor of one of its headings.`,
    fixes: suggestion && canReplace ? [{ title: `Link to #${suggestion}`, edits: [{ ...link.urlSpan, newText: `#${suggestion}` }], safe: false }] : [],
  };
}

/**
 * A `#fragment` link matches no heading of the document.
 *
 * GitHub gives each heading the id of its slug (lowercase, `-1` for repeats), computed from the heading's
 * rendered text, without images' alt text (see headingAnchor.ts). Fragments are compared after a safe
 * decodeURIComponent, since remark percent-encodes what the source writes raw. A fragment that matches
 * only when case is ignored is not reported: GitHub falls back to the lower-cased fragment when looking
 * for its target, so the link works, and a rule's findings here cannot be less than a warning.
 */
export const anchorMissingRule: Rule = {
  code: 'anchor-missing',
  defaultSeverity: 'warning',
  description: 'A `#fragment` link matches no heading of the document.',
  fixable: true,
  check({ list, report }) {
    const fragmentLinks = fragmentLinksByBlock(list);
    if (!fragmentLinks.length) return;
    const slugs = headingAnchors(list.text, list.headings).filter(Boolean);
    const anchors = htmlAnchors(list);
    const memo = list.cache.keep('anchor-missing', () => new ReportsPerPart<Block>());
    // The reports of a block are kept while the document's anchors are the same.
    const stamp = `${slugs.join(' ')}\u0000${anchors.join(' ')}`;
    let targets: { all: Set<string>; lowerCased: Set<string> } | undefined;
    const budget: Budget = { cells: suggestionBudget };
    memo.begin();
    for (const [block, links] of fragmentLinks) {
      const found = memo.get(block, block.start, stamp, () => {
        targets ??= targetsOf(slugs, anchors);
        return links.flatMap((link) => missingAnchorReport(list, link, slugs, targets!, budget) ?? []);
      });
      for (const finding of found) report(finding);
    }
    memo.end();
  },
  docs: {
    summary: 'a `#fragment` link that matches no heading (GitHub\'s slugs, `-1` suffixes for repeats)',
    fix: 'the closest anchor',
    details: `A \`#fragment\` link (markdown or an HTML \`href\`) that matches no heading under GitHub's slug rules (lower
case, punctuation dropped, spaces as \`-\`, \`-1\`, \`-2\` for repeats) and no \`id\` or \`name\` in the document.
The message suggests the closest anchor when there is one.`,
    examples: {
      valid: [
        `# Papers

See [Alignment](#alignment).

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

See [Alignment](#alignmnet).

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Link "#alignmnet" matches no heading or anchor in this document; did you mean "#alignment"?',
          line: 3,
          column: 17,
          fixed: `# Papers

See [Alignment](#alignment).

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
      ],
    },
  },
};
