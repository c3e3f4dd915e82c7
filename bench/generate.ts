// Builds the large benchmark lists under bench/data/ by repeating the reference list.
// Copy 0 is the reference list as it is; each later copy repeats its body (from the first `## ` heading on)
// with every heading and title suffixed by the copy's number and every arXiv id replaced by a fake one,
// so that the copies are new papers rather than one giant pile of duplicates. Within one copy the same
// paper keeps one fake id, so the reference list's own cross-section repeats survive, scaled.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const referencePath = resolve(__dirname, '../test/fixtures/alignment-survey.md');
export const dataDir = resolve(__dirname, 'data');

/** The lists the benchmark uses, by name; sizes are in bytes of UTF-8 and are lower bounds. */
export const generatedLists = [
  { name: '1MB', file: 'list-1mb.md', bytes: 1024 * 1024, sharedIds: false },
  // The same copies keeping the reference list's arXiv ids: each id is shared by about 38 titles, the
  // worst case for the rules that group copies of one paper.
  { name: '1MB-shared-ids', file: 'list-1mb-shared-ids.md', bytes: 1024 * 1024, sharedIds: true },
  { name: '10MB', file: 'list-10mb.md', bytes: 10 * 1024 * 1024, sharedIds: false },
] as const;

// Bumped whenever the output changes, so stale files in bench/data/ are rebuilt.
const generatorVersion = 2;

const arxivIdPattern = /(arxiv\.org\/(?:abs|pdf|html|format)\/)(\d{4})\.(\d{4,5})/gi;
const headingPattern = /^(#{1,6}[ \t]+)(.*?)([ \t]*)$/;
// An entry line: optional indent, a list marker, then a bold title (`**Title**`). The title may not hold `**`.
const entryPattern = /^([ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+\*\*)((?:[^*]|\*(?!\*))+)(\*\*)/;

/** Hands out unique fake arXiv numbers per `YYMM` month, skipping the numbers the reference list uses. */
class FakeArxivIds {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  take(month: string, digits: number): string {
    let counter = this.next.get(month) ?? 1;
    let id: string;
    do {
      id = `${month}.${String(counter).padStart(digits, '0')}`;
      counter++;
    } while (this.taken.has(id));
    if (String(counter).length > digits) throw new Error(`ran out of fake arXiv ids for ${month}`);
    this.next.set(month, counter);
    return id;
  }
}

/** Puts the suffix at the end of a title, before its closing punctuation. */
function suffixTitle(title: string, suffix: string): string {
  const trailing = /[\s.,;:!?]*$/.exec(title)![0];
  return `${title.slice(0, title.length - trailing.length)}${suffix}${trailing}`;
}

function rewriteCopy(body: string, copy: number, ids: FakeArxivIds | undefined): string {
  const suffix = ` (part ${copy + 1})`;
  const idsOfCopy = new Map<string, string>();
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const carriageReturn = line.endsWith('\r') ? '\r' : '';
    if (carriageReturn) line = line.slice(0, -1);
    const heading = headingPattern.exec(line);
    const entry = heading ? null : entryPattern.exec(line);
    if (heading && heading[2]) {
      line = `${heading[1]}${heading[2]}${suffix}${heading[3]}`;
    } else if (entry) {
      line = `${entry[1]}${suffixTitle(entry[2], suffix)}${entry[3]}${line.slice(entry[0].length)}`;
    }
    if (ids) line = line.replace(arxivIdPattern, (_match, prefix: string, month: string, number: string) => {
      const original = `${month}.${number}`;
      let fake = idsOfCopy.get(original);
      if (!fake) {
        fake = ids.take(month, number.length);
        idsOfCopy.set(original, fake);
      }
      return `${prefix}${fake}`;
    });
    lines[i] = line + carriageReturn;
  }
  return lines.join('\n');
}

/** The reference list followed by rewritten copies of its body until the text reaches `minimumBytes`. */
export function generateList(reference: string, minimumBytes: number, sharedIds = false): string {
  const bodyStart = reference.search(/^## /m);
  if (bodyStart < 0) throw new Error('the reference list has no "## " heading to repeat from');
  const body = reference.slice(bodyStart);
  const taken = new Set<string>();
  for (const match of reference.matchAll(arxivIdPattern)) taken.add(`${match[2]}.${match[3]}`);
  const ids = new FakeArxivIds(taken);
  const parts = [reference.endsWith('\n') ? reference : `${reference}\n`];
  let bytes = Buffer.byteLength(parts[0]);
  for (let copy = 1; bytes < minimumBytes; copy++) {
    const rewritten = rewriteCopy(body, copy, sharedIds ? undefined : ids);
    const part = rewritten.endsWith('\n') ? `\n${rewritten}` : `\n${rewritten}\n`;
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  return parts.join('');
}

/** Writes the generated lists unless up-to-date ones are already there; returns their paths by name. */
export function ensureLists(log: (line: string) => void = () => {}): Record<string, string> {
  mkdirSync(dataDir, { recursive: true });
  const reference = readFileSync(referencePath, 'utf8');
  const stampPath = join(dataDir, 'generated.json');
  const stamp = JSON.stringify({ generatorVersion, referenceBytes: Buffer.byteLength(reference), referenceMtime: statSync(referencePath).mtimeMs });
  const fresh = existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp;
  const paths: Record<string, string> = {};
  for (const list of generatedLists) {
    const path = join(dataDir, list.file);
    paths[list.name] = path;
    if (fresh && existsSync(path)) continue;
    const started = performance.now();
    writeFileSync(path, generateList(reference, list.bytes, list.sharedIds));
    log(`generated ${path} (${(statSync(path).size / 1e6).toFixed(2)} MB) in ${Math.round(performance.now() - started)} ms`);
  }
  writeFileSync(stampPath, stamp);
  return paths;
}

if (require.main === module) ensureLists(console.log);
