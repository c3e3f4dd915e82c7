import type { PaperList } from '../model';
import type { Span } from '../text';
import { entryHeadSpan } from '../analysis/entryHeadSpan';
import { copiesOf, entryAt } from './entries';

/** The spans of every copy of the paper under the cursor; `includeCurrent` false leaves out the one under it. */
export function referenceSpansAt(list: PaperList, offset: number, includeCurrent = true): Span[] {
  const entry = entryAt(list, offset);
  if (!entry) return [];
  return copiesOf(list, entry)
    .filter((copy) => includeCurrent || copy !== entry)
    .map((entry) => entryHeadSpan(list, entry));
}
