import { configurableRuleCodes } from '../core/online/metadataRuleCodes';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, resolve } from 'node:path';
import { decodeText, type ReadResult } from '../core/decodeText';
import { parseConfigText, type LintHost, type PaperListConfig } from '../core/index';

export { decodeText, type ReadResult };

export const configFileName = '.paperlistrc.json';

/** Reads a file as UTF-8 text, or says in one line why it cannot be linted. */
export function readTextFile(path: string, maxBytes = 64 * 1024 * 1024): ReadResult {
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { error: 'it is a directory, not a file' };
    if (stats.size > maxBytes) return { error: `it is ${(stats.size / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB` };
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'permission denied' };
    return { error: `it cannot be read (${code ?? (error as Error).message})` };
  }
  return decodeText(bytes);
}

/** Finds `.paperlistrc.json` in the document's folder or the nearest folder above it. */
export function findConfigFile(documentPath: string): string | undefined {
  let dir = dirname(resolve(documentPath));
  const { root } = parse(dir);
  for (;;) {
    const candidate = join(dir, configFileName);
    if (existsSync(candidate)) return candidate;
    if (dir === root) return undefined;
    dir = dirname(dir);
  }
}

export interface LoadedConfig {
  config: PaperListConfig;
  /** The config file that was read, if any. */
  path?: string;
  /** What was wrong with it, in plain words; empty when it was fine. */
  problems: string[];
}

/** Loads the config for a document: the file given, or the one found by walking up from the document. */
export function loadConfigFor(documentPath: string, explicitPath?: string): LoadedConfig {
  const path = explicitPath ? resolve(explicitPath) : findConfigFile(documentPath);
  if (!path) return { config: {}, problems: [] };
  const read = readTextFile(path, 1024 * 1024);
  if ('error' in read) return { config: {}, path, problems: [`${path} cannot be used: ${read.error}`] };
  const { config, problems } = parseConfigText(read.text, configurableRuleCodes);
  return { config, path, problems: problems.map((problem) => `${path}: ${problem}`) };
}

/** A lint host that looks up relative links next to the document, and nothing else. */
export function nodeHostFor(documentPath: string): LintHost {
  const folder = dirname(resolve(documentPath));
  return {
    fileExists(relativePath: string) {
      if (!relativePath || isAbsolute(relativePath)) return undefined;
      try {
        statSync(join(folder, relativePath));
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? false : undefined;
      }
    },
  };
}
