import { validateHouseStyle, type HouseStyle } from './analysis/houseStyleOf';
import type { Severity } from './rule';

export type NumberingStyle = 'auto' | 'sequential' | 'ones';
export type RuleSetting = Severity | 'off';

/** The shape of `.paperlistrc.json` and of the `paperList.*` settings. */
export interface PaperListConfig {
  rules?: Record<string, RuleSetting>;
  linkLabels?: string[];
  trackingParameters?: string[];
  numbering?: NumberingStyle;
  /** Fields of the house style that are pinned rather than inferred from the list. */
  houseStyle?: Partial<HouseStyle>;
  /** The generated table of contents: `counts` adds each section's distinct papers. */
  toc?: { counts?: boolean };
}

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  linkLabels: string[];
  trackingParameters: string[];
  numbering: NumberingStyle;
  houseStyle: Partial<HouseStyle>;
  toc?: { counts?: boolean };
}

export const defaultConfig: ResolvedConfig = { rules: {}, linkLabels: [], trackingParameters: [], numbering: 'auto', houseStyle: {} };

const severities: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];
const numberingStyles: readonly string[] = ['auto', 'sequential', 'ones'];

/**
 * Checks untrusted JSON against the config shape. Keeps every valid part and says in plain words what
 * was wrong with the rest, so one typo does not switch the whole config off.
 */
export function validateConfig(value: unknown, knownRules: readonly string[]): { config: PaperListConfig; problems: string[] } {
  const problems: string[] = [];
  const config: PaperListConfig = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config, problems: ['the config must be a JSON object, such as {"rules": {"entry-venue": "off"}}'] };
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'rules') {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        problems.push('"rules" must be an object that maps rule codes to "error", "warning", "info", "hint" or "off"');
        continue;
      }
      config.rules = {};
      for (const [code, setting] of Object.entries(item as Record<string, unknown>)) {
        if (!knownRules.includes(code)) problems.push(`"rules" names an unknown rule "${code}"`);
        else if (typeof setting !== 'string' || !severities.includes(setting)) {
          problems.push(`rule "${code}" is set to ${JSON.stringify(setting)}; expected "error", "warning", "info", "hint" or "off"`);
        } else config.rules[code] = setting as RuleSetting;
      }
    } else if (key === 'linkLabels' || key === 'trackingParameters') {
      if (!Array.isArray(item) || !item.every((label) => typeof label === 'string' && label.trim())) {
        problems.push(`"${key}" must be an array of non-empty strings`);
      } else config[key] = item.map((label: string) => label.trim());
    } else if (key === 'numbering') {
      if (typeof item !== 'string' || !numberingStyles.includes(item)) {
        problems.push(`"numbering" is ${JSON.stringify(item)}; expected "auto", "sequential" or "ones"`);
      } else config.numbering = item as NumberingStyle;
    } else if (key === 'houseStyle') {
      const checked = validateHouseStyle(item);
      problems.push(...checked.problems);
      config.houseStyle = checked.style;
    } else if (key === 'toc') {
      const counts = (item as { counts?: unknown } | null)?.counts;
      if (item === null || typeof item !== 'object' || Array.isArray(item) || Object.keys(item).some((name) => name !== 'counts') || (counts !== undefined && typeof counts !== 'boolean')) {
        problems.push('"toc" must be an object such as {"counts": true}');
      } else config.toc = counts === undefined ? {} : { counts };
    } else if (key !== '$schema') {
      problems.push(`unknown setting "${key}"; expected "rules", "linkLabels", "trackingParameters", "numbering", "houseStyle" or "toc"`);
    }
  }
  return { config, problems };
}

/** Parses the text of a config file; a syntax error becomes a problem, never an exception. */
export function parseConfigText(text: string, knownRules: readonly string[]): { config: PaperListConfig; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { config: {}, problems: [`it is not valid JSON (${(error as Error).message})`] };
  }
  return validateConfig(value, knownRules);
}

/** Merges config layers; later layers win, and their label and parameter lists add to earlier ones. */
export function resolveConfig(...layers: (PaperListConfig | undefined)[]): ResolvedConfig {
  const resolved: ResolvedConfig = { rules: {}, linkLabels: [], trackingParameters: [], numbering: 'auto', houseStyle: {} };
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(resolved.rules, layer.rules);
    for (const label of layer.linkLabels ?? []) if (!resolved.linkLabels.includes(label)) resolved.linkLabels.push(label);
    for (const name of layer.trackingParameters ?? []) if (!resolved.trackingParameters.includes(name)) resolved.trackingParameters.push(name);
    if (layer.numbering) resolved.numbering = layer.numbering;
    if (layer.houseStyle) resolved.houseStyle = { ...resolved.houseStyle, ...layer.houseStyle };
    if (layer.toc) resolved.toc = { ...resolved.toc, ...layer.toc };
  }
  return resolved;
}
