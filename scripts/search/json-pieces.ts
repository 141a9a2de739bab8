/**
 * JSON.stringify's text in pieces: arrays are written element by element.
 * The index's JSON is hundreds of megabytes on a large site; hashing or
 * writing it piece by piece saves a UTF-16 copy of all of it and a UTF-8 one,
 * and V8 cannot make a string longer than ~2^29 units at all.
 */
import { createHash } from 'node:crypto';

/** Pieces that join to exactly JSON.stringify(value) (for values JSON can write: not undefined at the top). */
export function* jsonPieces(value: unknown): Generator<string> {
  if (!Array.isArray(value)) {
    // JSON.stringify writes undefined, functions and symbols inside arrays as null.
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  yield '[';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) yield ',';
    yield* jsonPieces(value[i]);
  }
  yield ']';
}

/** Hex SHA-256 of the UTF-8 text of JSON.stringify(value), without building that text. */
export function sha256OfJson(value: unknown): string {
  const hash = createHash('sha256');
  for (const piece of jsonPieces(value)) hash.update(piece);
  return hash.digest('hex');
}
