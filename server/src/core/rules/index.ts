import type { Rule } from '../rule';
import { numberDuplicateRule } from './numberDuplicate';
import { numberSequenceRule } from './numberSequence';
import { entryTitleRule } from './entryTitle';
import { entryAuthorsRule } from './entryAuthors';
import { authorFormatRule } from './authorFormat';
import { entryYearRule } from './entryYear';
import { yearArxivMismatchRule } from './yearArxivMismatch';
import { entryVenueRule } from './entryVenue';
import { entryPunctuationRule } from './entryPunctuation';
import { houseStyleRule } from './houseStyle';
import { linkSyntaxRule } from './linkSyntax';
import { linkLabelRule } from './linkLabel';
import { linkUrlRule } from './linkUrl';
import { urlTrackingRule } from './urlTracking';
import { linkDuplicateRule } from './linkDuplicate';
import { entryDuplicateRule } from './entryDuplicate';
import { entryInconsistentRule } from './entryInconsistent';
import { headingIncrementRule } from './headingIncrement';
import { headingWhitespaceRule } from './headingWhitespace';
import { sectionEmptyRule } from './sectionEmpty';
import { anchorMissingRule } from './anchorMissing';
import { fileMissingRule } from './fileMissing';
export { linkedFilePath } from './fileMissing';
import { tocStaleRule } from './tocStale';

/** Every rule, in the order of the docs' rule table. */
export const allRules: readonly Rule[] = [
  numberDuplicateRule,
  numberSequenceRule,
  entryTitleRule,
  entryAuthorsRule,
  authorFormatRule,
  entryYearRule,
  yearArxivMismatchRule,
  entryVenueRule,
  entryPunctuationRule,
  houseStyleRule,
  linkSyntaxRule,
  linkLabelRule,
  linkUrlRule,
  urlTrackingRule,
  linkDuplicateRule,
  entryDuplicateRule,
  entryInconsistentRule,
  headingIncrementRule,
  headingWhitespaceRule,
  sectionEmptyRule,
  anchorMissingRule,
  fileMissingRule,
  tocStaleRule,
];

export const ruleCodes: readonly string[] = allRules.map((rule) => rule.code);
