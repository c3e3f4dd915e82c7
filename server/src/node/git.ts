// The git side of `--changed-since`: which lines of a file differ from the merge base with a revision.
import { spawnSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';

/** The 0-based lines of a file that were added or changed since the merge base, or why they cannot be known. */
export type ChangedLines = { lines: Set<number>; whole: boolean } | { error: string };

function git(args: string[], cwd: string): { ok: boolean; stdout: string; stderr: string; missing?: boolean } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) return { ok: false, stdout: '', stderr: result.error.message, missing: (result.error as NodeJS.ErrnoException).code === 'ENOENT' };
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

/** The merge base of a revision and HEAD in the repository that holds `folder`, or why there is none. */
export function mergeBase(folder: string, ref: string): { root: string; base: string } | { error: string } {
  const top = git(['rev-parse', '--show-toplevel'], folder);
  if (top.missing) return { error: 'git is not installed (or not on the PATH), and --changed-since needs it' };
  if (!top.ok) return { error: `${folder} is not in a git repository; --changed-since compares with a git revision` };
  const root = top.stdout.trim();
  const known = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  if (!known.ok) return { error: `unknown git revision "${ref}"; in a shallow clone fetch it first (actions/checkout with fetch-depth: 0)` };
  const base = git(['merge-base', known.stdout.trim(), 'HEAD'], root);
  if (!base.ok) return { error: `"${ref}" and HEAD have no common ancestor${base.stderr.trim() ? ` (${base.stderr.trim()})` : ''}; fetch more history (fetch-depth: 0)` };
  return { root, base: base.stdout.trim() };
}

/**
 * The lines of `file` as it is on disk (working tree) that `git diff -U0` shows as added since `base`.
 * A file that did not exist at the base, or that git does not track, counts as changed throughout.
 */
export function changedLines(file: string, root: string, base: string): ChangedLines {
  const path = relative(root, resolve(file)).split('\\').join('/');
  const tracked = git(['ls-files', '--error-unmatch', '--', path], root);
  const atBase = git(['cat-file', '-e', `${base}:${path}`], root);
  if (!tracked.ok || !atBase.ok) return { lines: new Set(), whole: true };
  const diff = git(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', base, '--', path], root);
  if (!diff.ok) return { error: `git diff failed for ${path}: ${diff.stderr.trim()}` };
  return { lines: addedLines(diff.stdout), whole: false };
}

/** The 0-based new-side lines of the hunks of a unified diff: `@@ -a,b +c,d @@` adds lines c..c+d-1. */
export function addedLines(diff: string): Set<number> {
  const lines = new Set<number>();
  for (const match of diff.matchAll(/^@@ -[\d,]+ \+([\d,]+) @@/gm)) {
    const [start, count = 1] = match[1].split(',').map(Number);
    for (let line = start; line < start + count; line++) lines.add(line - 1);
  }
  return lines;
}

/** The folder to ask git about a file in. */
export function folderOf(file: string): string {
  return dirname(resolve(file));
}
