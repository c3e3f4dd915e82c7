import { resolveConfig, type PaperListConfig, type ResolvedConfig } from '../../../server/src/core/index';

/** Splits a fixture with one `|` cursor marker into the text and the cursor's offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset === -1 || marked.indexOf('|', offset + 1) !== -1) throw new Error('the fixture needs exactly one | marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export function config(layer?: PaperListConfig): ResolvedConfig {
  return resolveConfig(layer);
}

/** The text a snippet inserts when every placeholder keeps its default, with `|` where `$0` puts the cursor. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)?\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, '$1')
    .replace(/\$0/g, '|')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}
