import type { Connection } from 'vscode-languageserver';
import { configurableRuleCodes } from '../core/online/metadataRuleCodes';
import { validateConfig, type PaperListConfig, type ResolvedConfig } from '../core/index';
import type { LintHost } from '../core/index';

/** The `paperList.*` settings as the client sends them. */
export interface PaperListSettings {
  enable: boolean;
  /** Globs of markdown files that are paper lists even with fewer than three entries. */
  files: string[];
  /** Documents longer than this many characters are left alone. */
  maxFileSize: number;
  /** BibTeX files whose records completion offers on a new list item: absolute, or relative to the workspace folder. */
  bibFiles: string[];
  /** The lint settings of `.paperlistrc.json`: rules, linkLabels, trackingParameters, numbering, houseStyle. */
  config: PaperListConfig;
}

export const defaultSettings: PaperListSettings = { enable: true, files: [], maxFileSize: 8 * 1024 * 1024, bibFiles: [], config: {} };

/** Reads untrusted settings JSON; keeps the valid parts and returns what was wrong with the rest. */
export function readSettings(value: unknown): { settings: PaperListSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: PaperListSettings = { ...defaultSettings, files: [], bibFiles: [], config: {} };
  if (value === null || value === undefined) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { settings, problems: ['the paperList settings must be an object'] };
  const raw = value as Record<string, unknown>;
  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else problems.push('"paperList.enable" must be true or false');
  }
  if (raw.files !== undefined) {
    if (Array.isArray(raw.files) && raw.files.every((glob) => typeof glob === 'string')) settings.files = raw.files.filter(Boolean);
    else problems.push('"paperList.files" must be an array of globs');
  }
  if (raw.bibFiles !== undefined && raw.bibFiles !== null) {
    if (Array.isArray(raw.bibFiles) && raw.bibFiles.every((file) => typeof file === 'string')) {
      settings.bibFiles = (raw.bibFiles as string[]).map((file) => file.trim()).filter(Boolean);
    } else problems.push('"paperList.bibFiles" must be an array of paths of .bib files');
  }
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0) settings.maxFileSize = raw.maxFileSize;
    else problems.push('"paperList.maxFileSize" must be a positive number of characters');
  }
  // Settings the client leaves at their defaults arrive as empty objects and arrays; they add nothing.
  const lintPart: Record<string, unknown> = {};
  for (const key of ['rules', 'linkLabels', 'trackingParameters', 'numbering', 'houseStyle', 'toc'] as const) {
    const item = raw[key];
    if (item === undefined || item === null) continue;
    if (Array.isArray(item) && !item.length) continue;
    lintPart[key] = item;
  }
  const validated = validateConfig(lintPart, configurableRuleCodes);
  settings.config = validated.config;
  problems.push(...validated.problems.map((problem) => `paperList settings: ${problem}`));
  return { settings, problems };
}

/** What linting one document needs from its surroundings: merged config, file problems and a host. */
export interface DocumentEnvironment {
  config: ResolvedConfig;
  configProblems: string[];
  host: LintHost;
  /** The file system path of the document, for `file:` URIs. */
  path?: string;
}

/** Fetches `paperList` settings per document through `workspace/configuration` when the client offers it. */
export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<PaperListSettings>>();
  private pushed: unknown;
  private readonly reported = new Set<string>();
  supportsConfiguration = false;

  constructor(private readonly connection: Connection) {}

  /** Forgets every cached value; `pushed` holds settings a client sent with didChangeConfiguration. */
  reset(pushed?: unknown): void {
    this.perDocument.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  get(uri: string): Promise<PaperListSettings> {
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  private async fetch(uri: string): Promise<PaperListSettings> {
    let raw: unknown = this.pushed;
    if (this.supportsConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'paperList' });
      } catch (error) {
        this.connection.console.warn(`paperlist: the settings could not be read (${(error as Error).message}); using the defaults`);
      }
    }
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.connection.console.warn(`paperlist: ${problem}; that part is ignored`);
    }
    return settings;
  }
}
