/**
 * The original-text page shows a seed line as it was, control characters
 * included. Written raw into HTML they are invisible (BEL, ESC) or invalid, so
 * each is shown as its Unicode "control picture" (U+0007 → ␇) with its code.
 */

/** A run of ordinary text, or one control character to show as a picture. */
export type LinePiece = { text: string } | { control: string; picture: string; code: string };

// C0 controls except tab, DEL and the C1 controls; tabs are layout (flattened tables) and show as space.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

/** The picture of a control character: U+2400 + its code, ␡ for DEL; C1 controls have none, so their code. */
export function controlPicture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x80) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

/** Splits a line into text and control characters (pure). */
export function lineWithVisibleControls(line: string): LinePiece[] {
  const pieces: LinePiece[] = [];
  let at = 0;
  for (const m of line.matchAll(CONTROL)) {
    if (m.index > at) pieces.push({ text: line.slice(at, m.index) });
    pieces.push({ control: m[0], picture: controlPicture(m[0]), code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    at = m.index + 1;
  }
  if (at < line.length || pieces.length === 0) pieces.push({ text: line.slice(at) });
  return pieces;
}
