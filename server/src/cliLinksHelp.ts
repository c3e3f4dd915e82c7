// The usage lines of `add` and `check`, apart from their code so that cli.ts can show them without loading it.
import { defaultCacheDir } from './node/cacheDir';

export const linkUsage = `       paperlist add LINK... --section HEADING [--online] [--no-cache] FILE
       paperlist check --online [--format stylish|json] [--no-cache] FILE...`;

export const linkHelp = `"add" adds papers from their links (arXiv, DOI, OpenReview, ACL Anthology, NeurIPS, PMLR, CVF) to the
section under HEADING, in the list's house style and at the place its sort order says; it prints the new
entries. "check --online" compares every entry that has an id with what its source says.
Only --online connects to the network: arXiv, Crossref, OpenReview, the ACL Anthology and DBLP.
  --section HEADING      add: the heading to add the papers under
  --online               add: fetch title, authors, venue and year; check: required
  --no-cache             do not read or write the cache of answers (${defaultCacheDir()})
  --mailto ADDRESS       the address sent to Crossref's polite pool (or PAPERLIST_MAILTO)`;

