import type { Rule } from '../rule';

/** A URL carries tracking parameters such as utm_source, fbclid, gclid, trk or mc_cid. */
export const urlTrackingRule: Rule = {
  code: 'url-tracking',
  defaultSeverity: 'warning',
  description: 'A URL carries tracking parameters such as utm_source, fbclid, gclid, trk or mc_cid.',
  fixable: true,
  check() {
    // Not written yet.
  },
};
