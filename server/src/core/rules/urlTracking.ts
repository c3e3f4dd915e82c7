import type { PaperList } from '../model';
import type { Report, Rule } from '../rule';
import { decodeURIComponentSafe, shorten, type Span } from '../text';
import { describeLink, otherLinksOf, reportsOutsideEntries } from '../analysis/linkSyntaxScan';

/** Query parameters that only track the click: social networks, ad networks and newsletters. */
const trackingNames = [
  'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'igshid', 'trk', 'trkCampaign', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi',
  'mkt_tok', 'ref_src', 'spm',
];

/** Every parameter that starts with one of these tracks, such as utm_source and utm_medium. */
const trackingPrefixes = ['utm_'];

/**
 * `si` is a share id on YouTube and Spotify only; elsewhere a parameter of that name may well be part
 * of the address, so it is left alone there.
 */
const shareIdHosts = ['youtube.com', 'youtu.be', 'spotify.com'];

interface Matcher {
  names: Set<string>;
  prefixes: string[];
}

/** Config entries are exact names, or prefixes when they end with `*` (such as "pk_*"). */
function buildMatcher(configNames: readonly string[]): Matcher {
  const names = new Set(trackingNames.map((name) => name.toLowerCase()));
  const prefixes = [...trackingPrefixes];
  for (const name of configNames) {
    if (name.endsWith('*')) prefixes.push(name.slice(0, -1).toLowerCase());
    else names.add(name.toLowerCase());
  }
  return { names, prefixes };
}


function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function isTracking(name: string, host: string, matcher: Matcher): boolean {
  const key = decodeURIComponentSafe(name).toLowerCase();
  if (matcher.names.has(key) || matcher.prefixes.some((prefix) => prefix && key.startsWith(prefix))) return true;
  return key === 'si' && shareIdHosts.some((domain) => host === domain || host.endsWith(`.${domain}`));
}


/** Checks one URL, written at `urlSpan`, for tracking parameters. */
function checkUrl(text: string, url: string, urlSpan: Span, linkName: string, entry: number | undefined, matcher: Matcher, report: (report: Report) => void): void {
  // The fix edits the URL as written, so that the rest keeps its order and its encoding.
  const source = text.slice(urlSpan.start, urlSpan.end);
  const question = source.indexOf('?');
  if (question === -1 || /\s/.test(source)) return;
  const hash = source.indexOf('#');
  if (hash !== -1 && hash < question) return;
  const queryEnd = hash === -1 ? source.length : hash;
  const host = hostOf(url);
  const kept: string[] = [];
  const removed: string[] = [];
  let first: Span | undefined;
  let last: Span | undefined;
  for (let start = question + 1; start <= queryEnd; ) {
    let end = source.indexOf('&', start);
    if (end === -1 || end > queryEnd) end = queryEnd;
    const part = source.slice(start, end);
    const equals = part.indexOf('=');
    const name = equals === -1 ? part : part.slice(0, equals);
    if (name && isTracking(name, host, matcher)) {
      removed.push(decodeURIComponentSafe(name));
      last = { start: urlSpan.start + start, end: urlSpan.start + end };
      first ??= last;
    } else kept.push(part);
    start = end + 1;
  }
  if (!first || !last) return;
  const query = kept.some((part) => part) ? `?${kept.join('&')}` : '';
  const clean = source.slice(0, question) + query + source.slice(queryEnd);
  const names = removed.map((name) => `"${name}"`);
  const what = names.length === 1 ? `the tracking parameter ${names[0]}` : `the tracking parameters ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  report({
    span: { start: first.start, end: last.end },
    ...(entry !== undefined && { entry }),
    message: `URL of ${linkName} carries ${what}; expected "${shorten(clean, 80)}".`,
    fixes: [
      {
        title: removed.length === 1 ? 'Remove the tracking parameter' : 'Remove the tracking parameters',
        edits: [{ start: urlSpan.start + question, end: urlSpan.start + queryEnd, newText: query }],
        safe: true,
        preferred: true,
      },
    ],
  });
}

/** The findings on the links outside every entry of a paper list. */
function outsideReports(list: PaperList, configNames: readonly string[]): Report[] {
  const key = configNames.join('\u0000');
  let matcher: Matcher | undefined;
  return reportsOutsideEntries(list, 'url-tracking outside entries', key, (block) => {
    matcher ??= buildMatcher(configNames);
    const reports: Report[] = [];
    for (const link of block.links ?? []) checkUrl(list.text, link.url, link.urlSpan, describeLink(list.text, link), undefined, matcher, (finding) => reports.push(finding));
    return reports;
  });
}

/** A URL carries tracking parameters such as utm_source, fbclid, gclid, trk or mc_cid. */
export const urlTrackingRule: Rule = {
  code: 'url-tracking',
  defaultSeverity: 'warning',
  description: 'A URL carries tracking parameters such as utm_source, fbclid, gclid, trk or mc_cid.',
  fixable: true,
  scope: 'entry',
  check({ list, entries, config, report }) {
    const matcher = buildMatcher(config.trackingParameters);
    for (const entry of entries) {
      for (const link of entry.links) checkUrl(list.text, link.url, link.urlSpan, `link "${shorten(link.label, 30)}"`, entry.index, matcher, report);
      // The title written as a link and any other link of the item.
      for (const link of otherLinksOf(list, entry)) checkUrl(list.text, link.url, link.urlSpan, describeLink(list.text, link), entry.index, matcher, report);
    }
    // Links outside the entries: reported on every lint, since the linter caches findings per entry only.
    for (const finding of outsideReports(list, config.trackingParameters)) report(finding);
  },
  docs: {
    summary: 'tracking query parameters (`utm_*`, `fbclid`, `gclid`, `trk`, `mc_cid`, `mc_eid`…)',
    fix: 'strip them (safe)',
    details: `Tracking query parameters in a URL: \`utm_*\`, \`fbclid\`, \`gclid\`, \`dclid\`, \`msclkid\`, \`trk\`, \`mc_cid\`,
\`mc_eid\`, \`_hsenc\`, \`mkt_tok\` and others, plus the config's \`trackingParameters\`.
Fix: strip them, keeping the rest of the URL as written:
\`https://arxiv.org/pdf/2110.07574.pdf?mc_cid=8a253cb85a&mc_eid=8760535dd2\` → \`https://arxiv.org/pdf/2110.07574.pdf\`.`,
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
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://arxiv.org/pdf/2110.07574.pdf?mc_cid=8a253cb85a&mc_eid=8760535dd2)]
`,
          message: 'URL of link "Paper" carries the tracking parameters "mc_cid" and "mc_eid"; expected "https://arxiv.org/pdf/2110.07574.pdf".',
          line: 5,
          column: 83,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://arxiv.org/pdf/2110.07574.pdf)]
`,
        },
      ],
    },
  },
};
