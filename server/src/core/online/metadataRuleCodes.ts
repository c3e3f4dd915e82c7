// The codes of the online rules, apart from their code so that config validation can know them cheaply.
import { ruleCodes } from '../rules/index';

export const metadataRuleCodes = ['metadata-title', 'metadata-authors', 'metadata-year', 'preprint-published'] as const;

/** Every rule a config may name: the lint rules and the online ones. */
export const configurableRuleCodes: readonly string[] = [...ruleCodes, ...metadataRuleCodes];
