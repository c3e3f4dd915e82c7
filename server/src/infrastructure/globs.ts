/**
 * A small glob matcher for the `paperList.files` setting: `**` crosses folders, `*` and `?` stay inside
 * one, `{a,b}` picks one of several parts, `[abc]` one character. A pattern without a slash at the start
 * matches at any depth, so `README.md` and `lists/*.md` work without knowing the workspace folder.
 *
 * Globs come from settings, which a workspace can carry, so they are matched by stepping a set of
 * pattern positions along the path (time: pattern length times path length) rather than by a regular
 * expression, where `*a*a*a*a*b` backtracks for minutes on a long path.
 */

type Token =
  | { kind: 'char'; ch: string }
  /** `?`: one character other than `/`. */
  | { kind: 'one' }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**` not followed by `/`: any run of characters. */
  | { kind: 'any' }
  /** `**​/`: zero or more whole folders, each a run without `/` and its `/`. */
  | { kind: 'folders' }
  | { kind: 'class'; test: (ch: string) => boolean };

/** Marks where a brace group stood in an expanded glob. */
const separator = '\u0000';

/** Globs with more brace alternatives than this are refused rather than expanded. */
const maxAlternatives = 256;

/** Expands `{a,b}` groups into the plain globs they stand for; an unclosed group runs to the end. */
export function expandBraces(glob: string): string[] | undefined {
  const open = glob.indexOf('{');
  if (open === -1) return [glob];
  let depth = 0;
  let close = -1;
  const parts: string[] = [];
  let partStart = open + 1;
  for (let i = open; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '[') {
      const classEnd = glob.indexOf(']', i + 2);
      if (classEnd !== -1) i = classEnd;
    } else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (ch === ',' && depth === 1) {
      parts.push(glob.slice(partStart, i));
      partStart = i + 1;
    }
  }
  parts.push(glob.slice(partStart, close === -1 ? glob.length : close));
  const rest = close === -1 ? '' : glob.slice(close + 1);
  const results: string[] = [];
  for (const part of parts) {
    // The separator keeps `*{,*}` from reading as `**` once the braces are gone; tokenize drops it.
    const expanded = expandBraces(`${glob.slice(0, open)}${separator}${part}${separator}${rest}`);
    if (!expanded) return undefined;
    for (const alternative of expanded) {
      results.push(alternative);
      if (results.length > maxAlternatives) return undefined;
    }
  }
  return results;
}

function characterClass(inner: string): (ch: string) => boolean {
  const negated = inner.startsWith('!') || inner.startsWith('^');
  const body = negated ? inner.slice(1) : inner;
  const ranges: [string, string][] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      ranges.push([body[i], body[i + 2]]);
      i += 2;
    } else ranges.push([body[i], body[i]]);
  }
  return (ch) => ranges.some(([low, high]) => ch >= low && ch <= high) !== negated;
}

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === separator) continue;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          tokens.push({ kind: 'folders' });
        } else tokens.push({ kind: 'any' });
      } else if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (ch === '?') tokens.push({ kind: 'one' });
    else if (ch === '[' && glob.indexOf(']', i + 2) !== -1) {
      const close = glob.indexOf(']', i + 2);
      tokens.push({ kind: 'class', test: characterClass(glob.slice(i + 1, close)) });
      i = close;
    } else tokens.push({ kind: 'char', ch });
  }
  return tokens;
}

/**
 * Whether the tokens match the whole path, or (when `anywhere`) a tail of it that starts after a `/`.
 * State 2i is "before token i"; state 2i+1 is "inside a folder of the `**​/` token i".
 */
function matchTokens(tokens: Token[], path: string, anywhere: boolean): boolean {
  const count = tokens.length;
  let current = new Uint8Array(2 * count + 2);
  let next = new Uint8Array(2 * count + 2);
  const add = (states: Uint8Array, state: number) => {
    // Tokens that may match nothing are skipped right away (the epsilon closure).
    while (!states[state]) {
      states[state] = 1;
      if (state % 2 === 1) return;
      const token = tokens[state / 2];
      if (!token || (token.kind !== 'star' && token.kind !== 'any' && token.kind !== 'folders')) return;
      state += 2;
    }
  };
  add(current, 0);
  for (let at = 0; at < path.length; at++) {
    const ch = path[at];
    next.fill(0);
    for (let state = 0; state < 2 * count; state++) {
      if (!current[state]) continue;
      const token = tokens[state >> 1];
      if (state % 2 === 1) {
        // Inside a folder of `**​/`: the folder ends at its `/`.
        if (ch === '/') add(next, state - 1);
        else add(next, state);
        continue;
      }
      switch (token.kind) {
        case 'char':
          if (ch === token.ch) add(next, state + 2);
          break;
        case 'one':
          if (ch !== '/') add(next, state + 2);
          break;
        case 'class':
          if (token.test(ch)) add(next, state + 2);
          break;
        case 'star':
          if (ch !== '/') add(next, state);
          break;
        case 'any':
          add(next, state);
          break;
        case 'folders':
          if (ch === '/') add(next, state);
          else add(next, state + 1);
          break;
      }
    }
    if (anywhere && ch === '/') add(next, 0);
    [current, next] = [next, current];
  }
  return current[2 * count] === 1;
}

/** Whether a path (with forward slashes) matches one glob. */
export function matchesGlob(path: string, glob: string): boolean {
  const anywhere = !glob.startsWith('/') && !glob.startsWith('**');
  const alternatives = expandBraces(glob);
  if (!alternatives) return false;
  return alternatives.some((alternative) => matchTokens(tokenize(alternative), path, anywhere));
}

/** Whether a path (with forward slashes) matches any of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const normalised = path.replace(/\\/g, '/');
  return globs.some((glob) => matchesGlob(normalised, glob));
}
