// The CLI's cache folder, apart from the online sources so that the CLI's help can name it without
// loading them.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The CLI's cache folder: PAPERLIST_CACHE_DIR, else the platform's cache folder. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAPERLIST_CACHE_DIR) return env.PAPERLIST_CACHE_DIR;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'paperlist', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'paperlist');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'paperlist');
}
