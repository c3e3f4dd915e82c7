import { appendFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exampleEntry, exportBibtex } from './core/features/bibtex';
import { entriesToCsv, exportEntries, type ExportedFile } from './core/features/exportEntries';
import {
  allRules,
  applyEdits,
  BlockCache,
  configProblemCode,
  describeHouseStyle,
  findingsOnChangedLines,
  fixAll,
  houseStyleOf,
  lintText,
  parseList,
  resolveConfig,
  type Finding,
  type HouseStyle,
  type InferredHouseStyle,
  type LineIndex,
  type LintOptions,
  type PaperList,
  type PaperListConfig,
} from './core/index';
import { generatedRegions, staleRegions, tableOfContents } from './core/features/tableOfContents';
import { githubAnnotations, stepSummary } from './formats/githubFormat';
import { sarifLog } from './formats/sarifFormat';
import { loadConfigFor, nodeHostFor, readTextFile, type ReadResult } from './node/files';
import { changedLines, folderOf, mergeBase } from './node/git';
import { linkHelp, linkUsage } from './cliLinksHelp';

const usage = `Usage: paperlist lint [--format stylish|json|github|sarif] [--fix] [--changed-since REF] [--config FILE] FILE...
       paperlist style [--format text|json] [--config FILE] FILE...
       paperlist export [--format json|csv|bibtex] [--config FILE] FILE...
       paperlist toc [--check|--write] [--config FILE] FILE...
${linkUsage}

"lint" lints markdown lists of research papers. "style" shows the house style of each list: how most
of its entries are written, with the share of entries behind each field and the JSON to pin it.
"export" prints the entries as paperlist reads them: title, authors, venue, year, links and more.
"toc" prints the table of contents of each list; --write updates it between <!-- paperlist:toc --> and
<!-- /paperlist:toc --> and the <!-- paperlist:count -->N<!-- /paperlist:count --> paper counts, and
--check exits 1 when one of them is out of date. A file without markers is never changed.

Options:
  --format               lint: stylish (default), json, github (workflow commands, and a table in
                         $GITHUB_STEP_SUMMARY when set) or sarif (SARIF 2.1.0);
                         style: text (default) or json; export: json (default), csv or bibtex
  --fix                  lint only: apply every safe fix in place, then report what remains
  --changed-since REF    lint only: report (and with --fix, fix) only the entries and lines added or
                         changed since the merge base of REF and HEAD; duplicates are still found
                         against the whole list
  --config FILE          use this config file instead of the nearest .paperlistrc.json
  -h, --help             show this help
  -v, --version          show the version

${linkHelp}

Exit status: 0 no errors, 1 at least one error-severity finding, 2 usage error or unreadable file.`;

declare const PAPERLIST_VERSION: string | undefined;

/** One finding as `--format json` prints it: 1-based lines and UTF-16 columns. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
  fixable: boolean;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  color: boolean;
}

export function toJson(file: string, lines: LineIndex, finding: Finding): JsonFinding {
  const start = lines.positionAt(finding.span.start);
  const end = lines.positionAt(finding.span.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    fixable: finding.fixes.some((fix) => fix.safe),
  };
}

export function stylish(results: JsonFinding[][], files: string[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor = { error: 31, warning: 33, info: 36, hint: 90 } as const;
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  results.forEach((findings, i) => {
    if (!findings.length) return;
    out.push(paint(4, files[i]));
    const width = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const finding of findings) {
      counts[finding.severity]++;
      if (finding.fixable) fixable++;
      const place = `${finding.line}:${finding.column}`.padEnd(width);
      out.push(`  ${paint(2, place)}  ${paint(severityColor[finding.severity], finding.severity.padEnd(7))}  ${finding.message}  ${paint(2, finding.code)}`);
    }
    out.push('');
  });
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (!total) return `${paint(32, '✔')} No problems found in ${files.length} file${files.length === 1 ? '' : 's'}.`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    paint(counts.error ? 31 : 33, `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info + counts.hint, 'info')})`),
  );
  if (fixable) out.push(`  ${plural(fixable, 'problem')} can be fixed with the \`--fix\` option.`);
  return out.join('\n');
}

/** The options and positionals of a command line, or undefined once stderr has said what is wrong with it, then `more`. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, io: CliIo, more = '') {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; options: T }>({ args, allowPositionals: true, options });
  } catch (error) {
    io.stderr(`paperlist: ${(error as Error).message}${more}`);
    return undefined;
  }
}

/** Runs the command line and returns the exit status; never throws for bad input. */
export function runCli(argv: string[], io: CliIo): number {
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string' },
      fix: { type: 'boolean', default: false },
      'changed-since': { type: 'string' },
      check: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
    io,
    `\n\n${usage}`,
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.version) {
    io.stdout(typeof PAPERLIST_VERSION === 'string' ? PAPERLIST_VERSION : 'development');
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== 'lint' && command !== 'style' && command !== 'export' && command !== 'toc') {
    io.stderr(command ? `paperlist: unknown command "${command}"; expected "lint", "style", "export", "toc", "add" or "check"\n\n${usage}` : usage);
    return 2;
  }
  if (command === 'toc') return tocCommand(files, values, io);
  if (values.check || values.write) {
    io.stderr(`paperlist: --check and --write work only with "toc"\n\n${usage}`);
    return 2;
  }
  // The first format of each command is its default.
  const formats = { lint: ['stylish', 'json', 'github', 'sarif'], style: ['text', 'json'], export: ['json', 'csv', 'bibtex'] }[command];
  const format = values.format ?? formats[0];
  if (!formats.includes(format)) {
    io.stderr(`paperlist: unknown format "${format}"; expected ${formats.slice(0, -1).map((name) => `"${name}"`).join(', ')} or "${formats[formats.length - 1]}"`);
    return 2;
  }
  if (values.fix && command !== 'lint') {
    io.stderr(`paperlist: --fix works only with "lint"\n\n${usage}`);
    return 2;
  }
  const changedSince = values['changed-since'];
  if (changedSince !== undefined && command !== 'lint') {
    io.stderr(`paperlist: --changed-since works only with "lint"\n\n${usage}`);
    return 2;
  }
  if (changedSince !== undefined && !changedSince.trim()) {
    io.stderr('paperlist: --changed-since needs a git revision, such as origin/main');
    return 2;
  }
  if (!files.length) {
    io.stderr(`paperlist: no files to ${command === 'lint' ? 'lint' : 'read'}\n\n${usage}`);
    return 2;
  }
  if (command === 'style') return showStyles(files, format === 'json', values.config, io);
  if (command === 'export') return exportFiles(files, format as 'json' | 'csv' | 'bibtex', values.config, io);

  const results: JsonFinding[][] = [];
  const shown: string[] = [];
  const status = eachFile(files, values.config, io, ({ file, display, read, loaded }) => {
    let fileStatus = 0;
    const options: LintOptions = {
      config: resolveConfig(loaded.config),
      configProblems: loaded.problems,
      host: nodeHostFor(file),
      cache: new BlockCache(),
    };
    let text = read.text;
    // In pull-request mode only the lines changed since the merge base count (see node/git.ts).
    let changed: ReadonlySet<number> | undefined;
    if (changedSince !== undefined) {
      const since = changedLinesOf(file, changedSince);
      if ('error' in since) {
        io.stderr(`paperlist: ${display}: ${since.error}`);
        return 2;
      }
      changed = since.lines;
    }
    if (values.fix) {
      const fixed = changed ? fixChanged(text, options, changed) : fixAll(text, options);
      if (fixed.text !== text) {
        try {
          // The byte order mark the reader took off goes back on, so that --fix changes only what it fixed.
          writeFileSync(file, read.bom ? `\ufeff${fixed.text}` : fixed.text);
          text = fixed.text;
          // The fixes may have moved lines; git says again which ones differ from the base.
          if (changedSince !== undefined) {
            const since = changedLinesOf(file, changedSince);
            if (!('error' in since)) changed = since.lines;
          }
        } catch (error) {
          io.stderr(`paperlist: ${display}: the fixes could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
          fileStatus = 2;
        }
      }
    }
    const { list, findings: all } = lintText(text, options);
    const findings = changed ? findingsOnChangedLines(list, all, changed) : all;
    const rows = findings.map((finding) => toJson(display, list.lines, finding));
    results.push(rows);
    shown.push(display);
    return Math.max(fileStatus, rows.some((row) => row.severity === 'error') ? 1 : 0);
  });
  if (format === 'json') io.stdout(JSON.stringify(results.flat(), null, 2));
  else if (format === 'github') {
    const annotations = githubAnnotations(results.flat());
    if (annotations) io.stdout(annotations);
    writeStepSummary(results.flat(), shown.length, changedSince, io);
  } else if (format === 'sarif') io.stdout(JSON.stringify(sarif(results.flat()), null, 2));
  else if (shown.length) io.stdout(stylish(results, shown, io.color));
  return status;
}

/** The findings as one SARIF 2.1.0 log, with every rule (and the config pseudo-rule) described. */
function sarif(findings: JsonFinding[]) {
  const rules = [
    ...allRules.map((rule) => ({ code: rule.code, description: rule.description, defaultSeverity: rule.defaultSeverity })),
    { code: configProblemCode, description: 'The paperlist config file could not be used in full.', defaultSeverity: 'warning' as const, anchor: 'configuration' },
  ];
  return sarifLog(findings, rules, typeof PAPERLIST_VERSION === 'string' ? PAPERLIST_VERSION : '0.0.0-development');
}

/** Appends the findings as a markdown table to the file GitHub names in $GITHUB_STEP_SUMMARY, if any. */
function writeStepSummary(findings: JsonFinding[], fileCount: number, changedSince: string | undefined, io: CliIo): void {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    appendFileSync(path, `${stepSummary(findings, fileCount, changedSince === undefined ? undefined : `changes since ${changedSince}`)}\n`);
  } catch (error) {
    io.stderr(`paperlist: the step summary could not be written to ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The 0-based lines of a file added or changed since the merge base of `ref` and HEAD. */
function changedLinesOf(file: string, ref: string): { lines: ReadonlySet<number> } | { error: string } {
  const found = mergeBase(folderOf(file), ref);
  if ('error' in found) return found;
  const changed = changedLines(file, found.root, found.base);
  if ('error' in changed) return changed;
  if (!changed.whole) return changed;
  // A new file is new throughout.
  const lineCount = (readTextFile(file) as { text?: string }).text?.split('\n').length ?? 0;
  return { lines: new Set(Array.from({ length: lineCount }, (_, line) => line)) };
}

/**
 * fix-all for pull-request mode: only the safe fixes of findings on changed lines, round after round.
 * Safe fixes keep each line's words, so the changed lines are known by line number while the line count
 * stays; once a round adds or removes lines, the next rounds fix nothing.
 */
function fixChanged(text: string, options: LintOptions, changed: ReadonlySet<number>): { text: string } {
  const lineCount = text.split('\n').length;
  return fixAll(text, options, 10, (list, findings) => (list.text.split('\n').length === lineCount ? findingsOnChangedLines(list, findings, changed) : []));
}

/** `paperlist toc`: prints each list's table of contents, or checks or updates its generated regions. */
function tocCommand(files: string[], values: { check?: boolean; write?: boolean; config?: string; format?: string; fix?: boolean; 'changed-since'?: string }, io: CliIo): number {
  if (values.format !== undefined || values.fix || values['changed-since'] !== undefined || (values.check && values.write)) {
    io.stderr(`paperlist: "toc" takes --check or --write (not both) and --config\n\n${usage}`);
    return 2;
  }
  if (!files.length) {
    io.stderr(`paperlist: no files to read\n\n${usage}`);
    return 2;
  }
  return eachFile(files, values.config, io, ({ file, display, read, loaded }) => {
    let status = 0;
    const list = parseList(read.text);
    const counts = resolveConfig(loaded.config).toc?.counts ?? false;
    const { regions } = generatedRegions(read.text);
    if (!values.check && !values.write) {
      // Printed for pasting between new markers: the headings below the list's one title.
      const titles = list.headings.filter((heading) => heading.level === 1);
      const after = titles.length === 1 && list.headings[0] === titles[0] ? titles[0].span.end : 0;
      const toc = regions.find((region) => region.kind === 'toc');
      io.stdout(tableOfContents(list, toc ? toc.inner.end : after, counts).join('\n'));
      return status;
    }
    if (!regions.length) {
      io.stdout(`${display}: no <!-- paperlist:toc --> or <!-- paperlist:count --> markers; nothing to ${values.write ? 'update' : 'check'}.`);
      return status;
    }
    const { stale, problems } = staleRegions(list, counts);
    for (const problem of problems) io.stderr(`paperlist: ${display}:${list.lines.positionAt(problem.span.start).line + 1}: ${problem.message}`);
    if (values.check) {
      for (const { region, message } of stale) io.stdout(`${display}:${list.lines.positionAt(region.marker.start).line + 1}: ${message}`);
      if (!stale.length) io.stdout(`${display}: the table of contents and counts are up to date.`);
      else if (status === 0) status = 1;
      return status;
    }
    if (!stale.length) {
      io.stdout(`${display}: the table of contents and counts are up to date.`);
      return status;
    }
    const text = applyEdits(read.text, stale.map(({ region, expected }) => ({ ...region.inner, newText: expected })));
    try {
      writeFileSync(file, read.bom ? `\ufeff${text}` : text);
      const tocs = stale.filter(({ region }) => region.kind === 'toc').length;
      const parts = [tocs && `${tocs === 1 ? 'the table' : `${tocs} tables`} of contents`, stale.length - tocs && `${stale.length - tocs} paper count${stale.length - tocs === 1 ? '' : 's'}`].filter(Boolean);
      io.stdout(`${display}: updated ${parts.join(' and ')}.`);
    } catch (error) {
      io.stderr(`paperlist: ${display}: the table of contents could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      status = 2;
    }
    return status;
  });
}

/** A file's text and config, with the name to show for it. */
export interface OpenedFile {
  file: string;
  display: string;
  read: Exclude<ReadResult, { error: string }>;
  loaded: ReturnType<typeof loadConfigFor>;
}

/**
 * Opens each file in turn and hands it to `visit`, which answers its exit status; a file that cannot be
 * read is said on stderr and counts 2. Answers the worst status.
 */
function eachFile(files: string[], configFile: string | undefined, io: CliIo, visit: (opened: OpenedFile) => number): number {
  let status = 0;
  for (const file of files) {
    const opened = openFile(file, configFile, io);
    status = Math.max(status, opened ? visit(opened) : 2);
  }
  return status;
}

/** A file's text and config; undefined, said on stderr, when it cannot be read. */
export function openFile(file: string, configFile: string | undefined, io: CliIo): OpenedFile | undefined {
  const display = relative(process.cwd(), file) || file;
  const read = readTextFile(file);
  if ('error' in read) {
    io.stderr(`paperlist: ${display}: ${read.error}`);
    return undefined;
  }
  return { file, display, read, loaded: loadConfigFor(file, configFile) };
}

/**
 * Opens each file in turn for a command that reads lists without linting them (`style`, `export`): a
 * file that cannot be read is said on stderr and makes the status 2, config problems are said, and the
 * others are handed to `visit` with their parsed list.
 */
function eachList(files: string[], configFile: string | undefined, io: CliIo, visit: (display: string, list: PaperList, config: PaperListConfig | undefined) => void): number {
  return eachFile(files, configFile, io, ({ display, read, loaded }) => {
    for (const problem of loaded.problems) io.stderr(`paperlist: ${display}: the config was ignored in part: ${problem}`);
    visit(display, parseList(read.text), loaded.config);
    return 0;
  });
}

/** `paperlist style`: the house style of each file, as markdown text or as JSON to pin it. */
function showStyles(files: string[], json: boolean, configFile: string | undefined, io: CliIo): number {
  const styles: { file: string; houseStyle: HouseStyle; evidence: InferredHouseStyle['evidence']; pinned: string[] }[] = [];
  const texts: string[] = [];
  const status = eachList(files, configFile, io, (display, list, config) => {
    const inferred = houseStyleOf(list, resolveConfig(config).houseStyle);
    styles.push({ file: display, houseStyle: inferred.style, evidence: inferred.evidence, pinned: inferred.pinned });
    texts.push(`${display}\n\n${describeHouseStyle(inferred, exampleEntry(inferred.style))}`);
  });
  if (json) io.stdout(JSON.stringify(styles, null, 2));
  else if (texts.length) io.stdout(texts.join('\n\n'));
  return status;
}

/** `paperlist export`: the entries of each file as JSON, CSV or BibTeX, exactly as the parser read them. */
function exportFiles(files: string[], format: 'json' | 'csv' | 'bibtex', configFile: string | undefined, io: CliIo): number {
  const exported: ExportedFile[] = [];
  const bibtex: string[] = [];
  const status = eachList(files, configFile, io, (display, list) => {
    if (format !== 'bibtex') exported.push({ file: display, entries: exportEntries(list) });
    else {
      const text = exportBibtex(list);
      if (text) bibtex.push(text);
    }
  });
  if (format === 'json') io.stdout(JSON.stringify(exported, null, 2));
  // io.stdout ends what it prints with a line break, so the last one of the table or the BibTeX is left to it.
  else if (format === 'csv') io.stdout(entriesToCsv(exported).replace(/\n$/, ''));
  else if (bibtex.length) io.stdout(bibtex.join('\n').replace(/\n$/, ''));
  return status;
}

/** Runs any command; `add` and `check`, which may wait for the network, answer later. */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if ((command === 'add' || command === 'check') && !argv.some((arg) => arg === '-h' || arg === '--help' || arg === '-v' || arg === '--version')) return (await import('./cliLinks')).runLinkCli(argv, io);
  return runCli(argv, io);
}

if (require.main === module) {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  // A bug of ours should still end with one clear line and status 2, not a stack trace.
  const internalError = (error: unknown): void => {
    process.stderr.write(`paperlist: internal error: ${(error as Error).message}\nPlease report it with the file that caused it.\n`);
    process.exitCode = 2;
  };
  try {
    runCliAsync(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
      color,
    }).then((status) => {
      process.exitCode = status;
    }, internalError);
  } catch (error) {
    internalError(error);
  }
}
