/**
 * A small glob matcher for the `paperList.files` setting: `**` crosses folders, `*` and `?` stay inside
 * one, `{a,b}` picks one of several parts, `[abc]` one character. A pattern without a slash at the start
 * matches at any depth, so `README.md` and `lists/*.md` work without knowing the workspace folder.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          source += '(?:[^/]*/)*';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      braces++;
      source += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (ch === ',' && braces > 0) source += '|';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        const inner = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${inner}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^$()|\\\]]/g, (c) => `\\${c}`);
  }
  source += ')'.repeat(braces);
  const anywhere = !glob.startsWith('/') && !glob.startsWith('**');
  return new RegExp(`${anywhere ? '(?:^|/)' : '^'}${source}$`);
}

/** Whether a path (with forward slashes) matches any of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const normalised = path.replace(/\\/g, '/');
  return globs.some((glob) => {
    try {
      return globToRegExp(glob).test(normalised);
    } catch {
      return false;
    }
  });
}
