// "Pin to .paperlistrc.json": the config file's text with the list's house style written into its
// `houseStyle` block, every other setting kept. Free of `vscode` so that tests read it.
import type { HouseStyle } from '../../server/src/core/analysis/houseStyleOf';

/** The fields the pin writes: the whole style but the labels, which the list's own use keeps up to date. */
export function pinnableStyle(style: HouseStyle): Omit<HouseStyle, 'labels'> {
  const { labels: _labels, ...rest } = style;
  return rest;
}

/**
 * The new text of `.paperlistrc.json`: `existing` (undefined when there is no file yet) with `houseStyle`
 * set to the style. Fields pinned before are replaced, `houseStyle.labels` and every other key are kept in
 * their order, and the file keeps its indentation. A file that is not a JSON object is left alone.
 */
export function pinHouseStyleText(existing: string | undefined, style: HouseStyle): { text: string } | { error: string } {
  const pin = pinnableStyle(style);
  if (existing === undefined || !existing.trim()) return { text: `${JSON.stringify({ houseStyle: pin }, null, 2)}\n` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(existing.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: `it is not valid JSON (${(error as Error).message})` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'it does not hold a JSON object' };
  const config = parsed as Record<string, unknown>;
  const before = config.houseStyle;
  const kept = before && typeof before === 'object' && !Array.isArray(before) && 'labels' in before ? { labels: (before as { labels: unknown }).labels } : {};
  config.houseStyle = { ...pin, ...kept };
  const indent = /\n([ \t]+)"/.exec(existing)?.[1] ?? '  ';
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  return { text: `${JSON.stringify(config, null, indent).replace(/\n/g, eol)}${eol}` };
}
