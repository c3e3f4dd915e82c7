// The line the server writes to its output channel once it runs: its version, where its settings come
// from and which markdown files of the workspace `paperList.files` matches, so that a user who sees no
// findings can tell a missing match from a server that did not start.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { matchesAny } from '../infrastructure/globs';
import type { PaperListSettings } from '../infrastructure/settings';

import type { SettingsSource } from '../infrastructure/environment';

const sourceWords: Record<SettingsSource, string> = {
  client: 'the editor\'s paperList.* settings (workspace/configuration)',
  initializationOptions: 'the initializationOptions of the client',
  defaults: 'the defaults (the client sends no settings)',
};

/** Markdown files under the folders, at most `limit` looked at, skipping dependency and VCS folders. */
export function markdownFiles(folders: readonly string[], limit = 5000): { files: string[]; complete: boolean } {
  const files: string[] = [];
  let seen = 0;
  const walk = (folder: string): boolean => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return true;
    }
    for (const entry of entries) {
      if (++seen > limit) return false;
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        if (!walk(join(folder, entry.name))) return false;
      } else if (/\.(?:md|markdown)$/i.test(entry.name)) files.push(join(folder, entry.name));
    }
    return true;
  };
  const complete = folders.every((folder) => walk(folder));
  return { files, complete };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "paperlist 0.1.0 started; settings from …; paperList.files matches 2 of 14 markdown files (README.md, …)". */
export function startupLine(version: string, source: SettingsSource, settings: PaperListSettings, folders: readonly string[]): string {
  const parts = [`paperlist ${version} started (Node ${process.version})`, `settings from ${sourceWords[source]}`];
  if (!settings.enable) parts.push('linting is off (paperList.enable is false)');
  if (!folders.length) {
    parts.push('no workspace folder: every markdown file opened with three or more paper entries is linted');
  } else {
    const { files, complete } = markdownFiles(folders);
    const name = (file: string): string => {
      const folder = folders.find((candidate) => file.startsWith(candidate));
      return folder ? relative(folder, file) : file;
    };
    const matched = settings.files.length ? files.filter((file) => matchesAny(file, settings.files)) : [];
    const listed = matched.slice(0, 5).map(name).join(', ') + (matched.length > 5 ? ', …' : '');
    parts.push(
      settings.files.length
        ? `paperList.files (${settings.files.join(', ')}) matches ${matched.length} of ${plural(files.length, 'markdown file')}${complete ? '' : ' looked at'}${matched.length ? ` (${listed})` : ''}`
        : `paperList.files is empty: of the ${plural(files.length, 'markdown file')}${complete ? '' : ' looked at'}, those with three or more paper entries are linted when opened`,
    );
  }
  return parts.join('; ');
}
