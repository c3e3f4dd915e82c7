// The .bib files of the `paperList.bibFiles` setting, read from disk for completion. Reading never throws:
// a file that cannot be used is reported once through `warn` and adds no records.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { BibRecord } from '../core/features/bibtex';
import { importBibtex } from '../core/features/bibtexImport';
import { normaliseTitle } from '../core/text';
import { readTextFile } from './files';

/** Larger files are refused: a bibliography this big is not one to pick papers from while typing. */
export const maxBibFileBytes = 5 * 1024 * 1024;

/** Whether `path` is `folder` or inside it. */
function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Where a `paperList.bibFiles` path points: absolute paths as they are, relative ones from the innermost
 * workspace folder that holds the document, or from the document's folder when none does.
 */
export function resolveBibPath(file: string, documentPath: string, workspaceFolders: readonly string[]): string {
  if (isAbsolute(file)) return resolve(file);
  const document = resolve(documentPath);
  let base: string | undefined;
  for (const folder of workspaceFolders) {
    const candidate = resolve(folder);
    if (isWithin(candidate, document) && (!base || candidate.length > base.length)) base = candidate;
  }
  return resolve(base ?? dirname(document), file);
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  records: BibRecord[];
}

/** The records of the configured .bib files, cached by path and re-read when the file's time or size changes. */
export class BibFiles {
  /** File system paths of the client's workspace folders. */
  workspaceFolders: string[] = [];
  private readonly cache = new Map<string, CachedFile>();
  /** The last problem reported per path, so that each is logged once rather than on every keystroke. */
  private readonly reported = new Map<string, string>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The records of the files, in the order of the setting; a paper in several files comes once, from the first. */
  recordsFor(documentPath: string, files: readonly string[]): BibRecord[] {
    const records: BibRecord[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      for (const record of this.read(resolveBibPath(file, documentPath, this.workspaceFolders))) {
        const key = normaliseTitle(record.title);
        if (seen.has(key)) continue;
        seen.add(key);
        records.push(record);
      }
    }
    return records;
  }

  /** The records of one file; empty when it cannot be read or parsed. */
  read(path: string): BibRecord[] {
    try {
      let mtimeMs: number;
      let size: number;
      try {
        const stats = statSync(path);
        if (stats.isDirectory()) return this.problem(path, 'it is a directory, not a file');
        ({ mtimeMs, size } = stats);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return this.problem(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `it cannot be read (${code ?? (error as Error).message})`);
      }
      if (size > maxBibFileBytes) {
        return this.problem(path, `it is ${(size / 1048576).toFixed(1)} MB; the limit is ${maxBibFileBytes / 1048576} MB`);
      }
      const cached = this.cache.get(path);
      if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.records;
      const read = readTextFile(path, maxBibFileBytes);
      if ('error' in read) return this.problem(path, read.error);
      const records = importBibtex(read.text);
      // An unchanged broken file is not parsed again on every keystroke: its empty result is cached too.
      this.cache.set(path, { mtimeMs, size, records });
      if (!records.length && read.text.includes('@')) {
        this.report(path, 'it holds no BibTeX entry with a title that could be read');
      } else {
        this.reported.delete(path);
      }
      return records;
    } catch (error) {
      return this.problem(path, `it could not be read as BibTeX (${(error as Error)?.message ?? String(error)})`);
    }
  }

  private problem(path: string, reason: string): BibRecord[] {
    this.cache.delete(path);
    this.report(path, reason);
    return [];
  }

  private report(path: string, reason: string): void {
    if (this.reported.get(path) === reason) return;
    this.reported.set(path, reason);
    this.warn(`paperlist: the BibTeX file ${path} (paperList.bibFiles) is not used: ${reason}`);
  }
}
