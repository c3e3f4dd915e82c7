/**
 * One shared value per key. Per-entry facts that many entries share (their labels, their votes on the
 * house style) are kept once per kind, so that counting them over a list visits each kind once.
 */
export class Interner<T> {
  private readonly table = new Map<string, T>();

  /** The limit keeps a document that makes up new kinds on every keystroke from growing the table for ever. */
  constructor(private readonly limit = 10_000) {}

  /** The value kept for the key, or this one, which is kept from now on. */
  intern(key: string, value: T): T {
    const known = this.table.get(key);
    if (known !== undefined) return known;
    if (this.table.size < this.limit) this.table.set(key, value);
    return value;
  }
}
