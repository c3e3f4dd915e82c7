// `paperlist add` and `paperlist check`: papers added from their links, and entries compared with their
// sources. Both read the network only with --online; `add` without it writes what the ids alone tell.
import { writeFileSync } from 'node:fs';
import { applyEdits, parseList, resolveConfig, type Finding, type PaperList, type ResolvedConfig, type Section } from './core/index';
import { linkInsertion, type PaperMetadata } from './core/features/linkEntry';
import { describeListed, findListedPaper } from './core/features/listedPaper';
import { OnlineError } from './core/online/httpClient';
import { fetchAnswers, metadataFindings } from './core/online/metadataCheck';
import type { MetadataSources } from './core/online/sources';
import { parsePaperLink, type PaperRef } from './core/paperLinks';
import { createOnlineSources, defaultCacheDir, type OnlineSourcesOptions } from './node/onlineSources';
import { openFile, parseCommandLine, stylish, toJson, type CliIo } from './cli';

/** What the CLI needs beyond printing; tests give a fetch and a cache folder. */
export interface LinkCliOptions {
  sources?: Pick<OnlineSourcesOptions, 'fetch' | 'env' | 'cacheDir' | 'clock'>;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The section whose heading reads HEADING, ignoring case, or the one whose heading holds it, if only one does. */
function sectionNamed(list: PaperList, heading: string): Section | string {
  const wanted = heading.trim().toLowerCase();
  const headed = list.sections.filter((section) => section.heading);
  const exact = headed.filter((section) => section.heading!.text.trim().toLowerCase() === wanted);
  if (exact.length >= 1) return exact[0];
  const partial = headed.filter((section) => section.heading!.text.toLowerCase().includes(wanted));
  if (partial.length === 1) return partial[0];
  const names = headed.slice(0, 8).map((section) => `"${section.heading!.text}"`).join(', ');
  return partial.length > 1
    ? `${partial.length} headings contain "${heading}": ${partial.slice(0, 5).map((section) => `"${section.heading!.text}"`).join(', ')}; give the whole heading`
    : `no heading "${heading}"; the headings are ${names}${headed.length > 8 ? ', …' : ''}`;
}

/** Runs `add` or `check`; returns the exit status and never throws for bad input or a network failure. */
export async function runLinkCli(argv: string[], io: CliIo, options: LinkCliOptions = {}): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      section: { type: 'string' },
      online: { type: 'boolean', default: false },
      cache: { type: 'boolean', default: true },
      'no-cache': { type: 'boolean', default: false },
      mailto: { type: 'string' },
      format: { type: 'string' },
      config: { type: 'string' },
    },
    io,
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const cacheDir = values['no-cache'] ? undefined : (options.sources?.cacheDir ?? defaultCacheDir(options.sources?.env));
  const sources = (): MetadataSources | undefined =>
    createOnlineSources({ online: values.online, cacheDir, mailto: values.mailto, env: options.sources?.env, fetch: options.sources?.fetch, clock: options.sources?.clock });
  if (command === 'add') return addLinks(rest, values.section, values.config, sources(), io);
  if (!values.online) {
    io.stderr('paperlist: "check" compares entries with arXiv, Crossref, OpenReview, the ACL Anthology and DBLP, and connects to them only with --online');
    return 2;
  }
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') {
    io.stderr(`paperlist: unknown format "${format}"; expected "stylish" or "json"`);
    return 2;
  }
  if (!rest.length) {
    io.stderr('paperlist: no files to check');
    return 2;
  }
  return checkFiles(rest, format, values.config, sources()!, io);
}

async function addLinks(args: string[], heading: string | undefined, configFile: string | undefined, sources: MetadataSources | undefined, io: CliIo): Promise<number> {
  const file = args[args.length - 1];
  const links = args.slice(0, -1);
  if (!file || !links.length) {
    io.stderr('paperlist: "add" needs one or more links and then the file, such as: paperlist add arXiv:2305.18290 --section "Reward Model" README.md');
    return 2;
  }
  if (!heading) {
    io.stderr('paperlist: "add" needs --section HEADING, the heading to add the papers under');
    return 2;
  }
  const refs: PaperRef[] = [];
  for (const link of links) {
    const ref = parsePaperLink(link);
    if (!ref) {
      io.stderr(`paperlist: "${link}" is not a link or id paperlist knows; expected an arXiv, DOI, OpenReview, ACL Anthology, NeurIPS, PMLR or CVF link`);
      return 2;
    }
    refs.push(ref);
  }
  const opened = openFile(file, configFile, io);
  if (!opened) return 2;
  const { display, read, loaded } = opened;
  const config: ResolvedConfig = resolveConfig(loaded.config);
  // Everything is fetched before anything is written: a failure leaves the file as it was.
  const metadata = new Map<PaperRef, PaperMetadata>();
  if (sources) {
    for (const ref of refs) {
      try {
        metadata.set(ref, await sources.fetchPaper(ref));
      } catch (error) {
        io.stderr(`paperlist: ${error instanceof OnlineError ? error.message : (error as Error).message} Nothing was added.`);
        return 2;
      }
    }
  }
  let text = read.text;
  const added: string[] = [];
  let skipped = 0;
  for (const ref of refs) {
    const list = parseList(text);
    const section = sectionNamed(list, heading);
    if (typeof section === 'string') {
      io.stderr(`paperlist: ${display}: ${section}. Nothing was added.`);
      return 2;
    }
    const listed = findListedPaper(list, ref, metadata.get(ref)?.title);
    if (listed.length) {
      io.stderr(`paperlist: ${display}: ${ref.url} is listed already, at ${describeListed(listed)}; not added again`);
      skipped++;
      continue;
    }
    const inserted = linkInsertion(list, section, ref, metadata.get(ref), config, 'text');
    text = applyEdits(text, inserted.edits);
    added.push(inserted.entry.replace(/\r?\n$/, ''));
  }
  if (added.length) {
    try {
      writeFileSync(file, read.bom ? `\ufeff${text}` : text);
    } catch (error) {
      io.stderr(`paperlist: ${display}: the file could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return 2;
    }
    io.stdout(added.join('\n'));
    if (!sources) io.stderr(`paperlist: added ${plural(added.length, 'entry')} without going online: fill in what reads Title, Author, Venue or Year, or run again with --online`);
  }
  return skipped ? 1 : 0;
}

async function checkFiles(files: string[], format: 'stylish' | 'json', configFile: string | undefined, sources: MetadataSources, io: CliIo): Promise<number> {
  let status = 0;
  const results: ReturnType<typeof toJson>[][] = [];
  const shown: string[] = [];
  for (const file of files) {
    const opened = openFile(file, configFile, io);
    if (!opened) {
      status = 2;
      continue;
    }
    const { display, read, loaded } = opened;
    const list = parseList(read.text);
    const answers = await fetchAnswers(list, sources);
    for (const problem of answers.problems) io.stderr(`paperlist: ${display}: ${problem}`);
    if (answers.problems.length) status = 2;
    const findings: Finding[] = metadataFindings(list, answers, resolveConfig(loaded.config));
    const rows = findings.map((finding) => toJson(display, list.lines, finding));
    if (status === 0 && rows.some((row) => row.severity === 'error')) status = 1;
    results.push(rows);
    shown.push(display);
  }
  if (format === 'json') io.stdout(JSON.stringify(results.flat(), null, 2));
  else if (shown.length) io.stdout(stylish(results, shown, io.color).replace('can be fixed with the `--fix` option', 'have a quick fix in the editor'));
  return status;
}
