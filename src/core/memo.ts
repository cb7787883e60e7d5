/**
 * Every namespace a memo of this copy of the library holds. Each memo keeps its own map, so two memos
 * cannot meet on a key; a second memo under a name already taken is a programming error, refused at load.
 */
const namespaces = new Set<string>();

/**
 * Values remembered by a string key within one namespace. A fleet validates the same few schedules and
 * scripts thousands of times: each is judged once. Bounded memos are emptied whole when full, which costs
 * one judgement per kept value again and never lets a long-running program grow without limit.
 */
export class Memo<V> {
  readonly #values = new Map<string, V>();

  /** `limit`: how many values to keep before starting over (unbounded where the keys are a finite set). */
  constructor(
    readonly namespace: string,
    private readonly limit = Infinity,
  ) {
    if (namespaces.has(namespace)) throw new Error(`a second memo named "${namespace}"`);
    namespaces.add(namespace);
  }

  /** How many values it holds. */
  get size(): number {
    return this.#values.size;
  }

  /**
   * The value kept under `key`, or `compute()`'s, kept when `keep` accepts it. Without a key the value is
   * computed and not kept: the caller found no key that tells this input apart from every other one.
   */
  through(key: string | undefined, compute: () => V, keep: (value: V) => boolean = () => true): V {
    if (key === undefined) return compute();
    if (this.#values.has(key)) return this.#values.get(key)!;
    const value = compute();
    if (keep(value)) {
      if (this.#values.size >= this.limit) this.#values.clear();
      this.#values.set(key, value);
    }
    return value;
  }
}
