// Paper links and ids recognised offline: arXiv, DOIs, OpenReview, the ACL Anthology and the proceedings
// pages of NeurIPS, PMLR and CVF. Each is canonicalised so that two spellings of one paper compare equal.

export type PaperSource = 'arxiv' | 'doi' | 'openreview' | 'acl' | 'neurips' | 'pmlr' | 'cvf';

/** A paper named by a link or an id, in canonical form. */
export interface PaperRef {
  source: PaperSource;
  /**
   * The id in canonical form: arXiv `2305.12345` or `hep-th/9901001` (no version), a DOI in lower case,
   * an OpenReview note id, an ACL Anthology id, NeurIPS `2020/<hash>`, PMLR `v202/smith23a`, CVF
   * `CVPR2023/<name>_paper`.
   */
  id: string;
  /** The canonical URL of the paper's page. */
  url: string;
  /** The arXiv version the link named, such as 2 for `v2`. */
  version?: number;
  /** What can be told from the id alone. */
  year?: number;
  month?: number;
  venue?: string;
}

/** `source:id`, what makes two refs the same paper. */
export const refKey = (ref: Pick<PaperRef, 'source' | 'id'>): string => `${ref.source}:${ref.id}`;

const newArxiv = /^(\d{4}\.\d{4,5})(?:v(\d+))?$/i;
const oldArxiv = /^([a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v(\d+))?$/i;

/** The year and month of an arXiv id: `2305.12345` is May 2023, `hep-th/9901001` January 1999. */
export function arxivDate(id: string): { year: number; month: number } | undefined {
  const digits = newArxiv.exec(id)?.[1] ?? /\/(\d{7})/.exec(id)?.[1];
  if (!digits) return undefined;
  const yy = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  if (month < 1 || month > 12) return undefined;
  // New-style ids start in April 2007; old-style ids run from 1991 to March 2007.
  const year = newArxiv.test(id) ? 2000 + yy : yy >= 91 ? 1900 + yy : 2000 + yy;
  return { year, month };
}

function arxivRef(raw: string): PaperRef | undefined {
  const cleaned = raw.replace(/\.pdf$/i, '');
  const match = newArxiv.exec(cleaned) ?? oldArxiv.exec(cleaned);
  if (!match) return undefined;
  const id = newArxiv.test(cleaned) ? match[1] : match[1].toLowerCase();
  const date = arxivDate(id);
  if (!date) return undefined;
  return { source: 'arxiv', id, url: `https://arxiv.org/abs/${id}`, version: match[2] ? Number(match[2]) : undefined, ...date, venue: 'arXiv' };
}

function doiRef(raw: string): PaperRef | undefined {
  let doi: string;
  try {
    doi = decodeURIComponent(raw);
  } catch {
    doi = raw;
  }
  // Sentence punctuation after a pasted DOI is not part of it.
  let end = doi.length;
  while (end > 0 && '.,;'.includes(doi[end - 1])) end--;
  doi = doi.slice(0, end).toLowerCase();
  if (!/^10\.\d{4,9}\/\S+$/.test(doi)) return undefined;
  // arXiv's own DOIs name the arXiv paper.
  const arxiv = /^10\.48550\/arxiv\.(.+)$/.exec(doi);
  if (arxiv) return arxivRef(arxiv[1]);
  return { source: 'doi', id: doi, url: `https://doi.org/${doi}` };
}

const aclVenues: Record<string, string> = {
  acl: 'ACL',
  emnlp: 'EMNLP',
  naacl: 'NAACL',
  eacl: 'EACL',
  aacl: 'AACL',
  coling: 'COLING',
  conll: 'CoNLL',
  tacl: 'TACL',
  cl: 'Computational Linguistics',
  findings: 'Findings',
  'lrec-main': 'LREC',
  lrec: 'LREC',
};
// Old-style Anthology ids: a letter for the venue, two digits of year, a number.
const aclLetters: Record<string, string> = { P: 'ACL', D: 'EMNLP', N: 'NAACL', E: 'EACL', Q: 'TACL', J: 'Computational Linguistics', C: 'COLING', K: 'CoNLL', W: 'Workshop', S: 'SemEval', L: 'LREC', I: 'IJCNLP' };

function aclRef(raw: string): PaperRef | undefined {
  const id = raw.replace(/\.(?:pdf|bib)$/i, '').replace(/\/$/, '');
  const modern = /^(\d{4})\.([a-z]+(?:-[a-z]+)*)\.(\d+)$/i.exec(id);
  if (modern) {
    const [name, part] = modern[2].toLowerCase().split('-');
    const venue = name === 'findings' && part ? `Findings of ${aclVenues[part] ?? part.toUpperCase()}` : (aclVenues[modern[2].toLowerCase()] ?? aclVenues[name] ?? name.toUpperCase());
    return { source: 'acl', id: id.toLowerCase(), url: `https://aclanthology.org/${id.toLowerCase()}/`, year: Number(modern[1]), venue };
  }
  const old = /^([A-Z])(\d{2})-(\d{4})$/.exec(id);
  if (old) {
    const yy = Number(old[2]);
    return { source: 'acl', id, url: `https://aclanthology.org/${id}/`, year: yy >= 50 ? 1900 + yy : 2000 + yy, venue: aclLetters[old[1]] };
  }
  return undefined;
}

// Volumes of PMLR that hold the main conferences, for the venue and year of a PMLR link.
const pmlrVolumes: Record<number, [string, number]> = {
  267: ['ICML', 2025],
  235: ['ICML', 2024],
  202: ['ICML', 2023],
  162: ['ICML', 2022],
  139: ['ICML', 2021],
  119: ['ICML', 2020],
  97: ['ICML', 2019],
  80: ['ICML', 2018],
  70: ['ICML', 2017],
  258: ['AISTATS', 2025],
  238: ['AISTATS', 2024],
  206: ['AISTATS', 2023],
  151: ['AISTATS', 2022],
  130: ['AISTATS', 2021],
  270: ['CoRL', 2024],
  229: ['CoRL', 2023],
  205: ['CoRL', 2022],
};

/** Reads a URL, or undefined for text that is not an http(s) URL. */
function urlOf(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\//i.test(text) ? `https://${text}` : undefined;
  if (!withScheme) return undefined;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function refOfUrl(url: URL): PaperRef | undefined {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname;
  if (host === 'arxiv.org' || host === 'export.arxiv.org') {
    const match = /^\/(?:abs|pdf|html|format)\/(.+?)\/?$/i.exec(path);
    return match ? arxivRef(match[1]) : undefined;
  }
  if (host === 'doi.org' || host === 'dx.doi.org') return doiRef(path.slice(1));
  if (host === 'openreview.net') {
    const id = url.searchParams.get('id');
    if ((path === '/forum' || path === '/pdf') && id && /^[\w-]+$/.test(id)) return { source: 'openreview', id, url: `https://openreview.net/forum?id=${id}` };
    return undefined;
  }
  if (host === 'aclanthology.org' || host === 'aclweb.org') {
    const match = /^\/(?:anthology\/)?(?:[A-Z]\/[A-Z]\d{2}\/)?([^/]+)\/?$/.exec(path);
    return match ? aclRef(match[1]) : undefined;
  }
  if (host === 'proceedings.neurips.cc' || host === 'papers.nips.cc' || host === 'papers.neurips.cc') {
    const match = /^\/paper(?:_files\/paper)?\/(\d{4})\/(?:hash|file)\/([0-9a-f]{32})-(?:Abstract|Paper)(?:-([A-Za-z_]+))?\.(?:html|pdf)$/.exec(path);
    if (!match) return undefined;
    const track = match[3] ? `-${match[3]}` : '';
    return {
      source: 'neurips',
      id: `${match[1]}/${match[2]}`,
      url: `https://proceedings.neurips.cc/paper_files/paper/${match[1]}/hash/${match[2]}-Abstract${track}.html`,
      year: Number(match[1]),
      venue: 'NeurIPS',
    };
  }
  if (host === 'proceedings.mlr.press') {
    const match = /^\/(v\d+)\/([\w-]+?)(?:\.html|\/\2\.pdf|\.pdf)$/.exec(path);
    if (!match) return undefined;
    const known = pmlrVolumes[Number(match[1].slice(1))];
    const yy = /(\d{2})[a-z]*$/.exec(match[2]);
    return {
      source: 'pmlr',
      id: `${match[1]}/${match[2]}`,
      url: `https://proceedings.mlr.press/${match[1]}/${match[2]}.html`,
      year: known?.[1] ?? (yy ? 2000 + Number(yy[1]) : undefined),
      venue: known?.[0] ?? 'PMLR',
    };
  }
  if (host === 'openaccess.thecvf.com') {
    // `content/CVPR2023/html/Name_Title_CVPR_2023_paper.html`, or `content_cvpr_2018/html/…` before 2020.
    const match = /^\/(?:content\/([A-Za-z]+\d{4})(?:W\/[\w-]+)?|content_([A-Za-z]+)_(\d{4})(?:_workshops\/[\w-]+)?)\/(?:html|papers)\/(?:[\w-]+\/)?([\w-]+?_paper)\.(?:html|pdf)$/.exec(path);
    if (!match) return undefined;
    const conference = match[1] ?? `${match[2].toUpperCase()}${match[3]}`;
    const split = /^([A-Za-z]+)(\d{4})$/.exec(conference)!;
    const id = `${split[1].toUpperCase()}${split[2]}/${match[4]}`;
    return { source: 'cvf', id, url: `https://openaccess.thecvf.com/content/${split[1].toUpperCase()}${split[2]}/html/${match[4]}.html`, year: Number(split[2]), venue: split[1].toUpperCase() };
  }
  return undefined;
}

/**
 * The paper a link or an id names, in canonical form; undefined for anything else. Accepts URLs with
 * or without their scheme, `arXiv:2305.12345`, bare arXiv ids, `doi:10.…` and bare DOIs, and ACL
 * Anthology ids such as `2023.acl-long.1` or `P19-1001`.
 */
export function parsePaperLink(input: string): PaperRef | undefined {
  // Pasted links come wrapped in angle brackets, quotes or markdown parentheses.
  const trimmed = input.trim();
  if (trimmed.length > 2000) return undefined;
  let start = 0;
  let end = trimmed.length;
  while (start < end && '<("\''.includes(trimmed[start])) start++;
  while (end > start && '>)"\''.includes(trimmed[end - 1])) end--;
  const text = trimmed.slice(start, end).trim();
  if (!text || /\s/.test(text)) return undefined;
  const scheme = text.slice(0, 6).toLowerCase();
  if (scheme === 'arxiv:') return text.length > 6 ? arxivRef(text.slice(6)) : undefined;
  if (scheme.startsWith('doi:')) return text.length > 4 ? doiRef(text.slice(4)) : undefined;
  if (/^10\.\d{4,9}\//.test(text)) return doiRef(text);
  const url = urlOf(text);
  if (url) return refOfUrl(url);
  return arxivRef(text) ?? aclRef(text);
}

/** The papers an entry's URLs name, in canonical form. */
export function refsOfUrls(urls: readonly string[]): PaperRef[] {
  const refs: PaperRef[] = [];
  for (const url of urls) {
    const ref = parsePaperLink(url);
    if (ref && !refs.some((known) => refKey(known) === refKey(ref))) refs.push(ref);
  }
  return refs;
}
