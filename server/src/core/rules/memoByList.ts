import type { PaperList } from '../model';

/**
 * Computes a list-wide fact once per parsed list, so that an entry-scoped rule's `contextKey` and its
 * `check` can both ask for it without counting the whole list twice.
 */
export function memoByList<T>(compute: (list: PaperList) => T): (list: PaperList) => T {
  const memo = new WeakMap<PaperList, T>();
  return (list) => {
    if (!memo.has(list)) memo.set(list, compute(list));
    return memo.get(list)!;
  };
}
