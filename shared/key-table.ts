/**
 * An open-addressing hash table from numeric n-gram keys to small integers (term ids, bigram numbers). The
 * compare stage looks up every 2- and 3-gram of every task (25 million at 2,000 documents); a Map keyed by
 * strings spent most of the stage hashing freshly sliced strings, this spends a multiply and a probe. The
 * search index looks up every bigram of every page: a Map keyed by numbers boxes most of them (Han bigrams are
 * above 2³⁰), and building 2,019 pages' postings took 2.2 times as long with one (shared/search/build-postings.ts).
 */

/** Keys are positive integers below 2^53; 0 marks an empty slot. */
export class KeyTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Float64Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
  }

  private slot(key: number): number {
    // MurmurHash3's 32-bit finaliser over both halves: every key bit reaches the low bits the mask keeps.
    let h = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let i = (h ^ (h >>> 16)) & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i] : -1;
  }

  /** Stores `value` for `key` (keys must be > 0). */
  set(key: number, value: number): void {
    let i = this.slot(key);
    if (this.keys[i] !== key) {
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.slot(key);
      }
      this.keys[i] = key;
      this.size++;
    }
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.values[j] = values[i];
    }
  }
}
