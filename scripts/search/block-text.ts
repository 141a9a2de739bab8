/**
 * The indexed text of a page as it is read, block by block. Kept as a list of
 * pieces rather than one growing string: ending a block trims the spaces
 * before it, and trimming (or even reading the end of) a string built by `+=`
 * copies the whole text each time, which made long pages quadratic.
 */
import { BLOCK_BREAK } from '../../shared/search/bigrams.ts';

/** A page's text: inline runs joined as they come, blocks separated by {@link BLOCK_BREAK}. */
export class BlockText {
  readonly #pieces: string[] = [];
  #length = 0;
  /** How many U+0020 spaces the text ends with (they may span several pieces). */
  #trailingSpaces = 0;

  /** Length of the text so far, in UTF-16 units. */
  get length(): number {
    return this.#length;
  }

  /** True at the start of a block: nothing yet, or a block just ended. */
  get atBlockStart(): boolean {
    return this.#length === 0 || this.#lastPiece().endsWith(BLOCK_BREAK);
  }

  /** Appends inline text (already whitespace-collapsed; it holds no block break). */
  append(value: string): void {
    if (value === '') return;
    this.#pieces.push(value);
    this.#length += value.length;
    let end = value.length;
    while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
    this.#trailingSpaces = end === 0 ? this.#trailingSpaces + value.length : value.length - end;
  }

  /** Ends the current block: trims its trailing spaces and adds a break, unless the text is empty or a block just ended. */
  breakBlock(): void {
    this.#trimTrailingSpaces();
    if (!this.atBlockStart) {
      this.#pieces.push(BLOCK_BREAK);
      this.#length += BLOCK_BREAK.length;
    }
  }

  /** The text, without a final block break. */
  toString(): string {
    const text = this.#pieces.join('');
    return text.endsWith(BLOCK_BREAK) ? text.slice(0, -BLOCK_BREAK.length) : text;
  }

  #lastPiece(): string {
    return this.#pieces[this.#pieces.length - 1];
  }

  #trimTrailingSpaces(): void {
    let excess = this.#trailingSpaces;
    this.#length -= excess;
    this.#trailingSpaces = 0;
    while (excess > 0) {
      const last = this.#lastPiece();
      if (last.length <= excess) {
        this.#pieces.pop();
        excess -= last.length;
      } else {
        this.#pieces[this.#pieces.length - 1] = last.slice(0, last.length - excess);
        excess = 0;
      }
    }
  }
}
