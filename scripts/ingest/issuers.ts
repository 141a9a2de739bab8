/**
 * Names of issuing organisations (发文机关) as the head and the end of a document
 * print them: a letterhead (one line per issuer, maybe "…文件"), an order's head
 * ("上海市人民政府令"), a signature (署名) above the 成文日期 — joint, several names
 * on one line, or one name broken over two lines by PDF extraction — and the
 * issuer a title starts with ("教育部关于…", "民政部对…的答复").
 */
import { ISSUER_IN_TITLE, OFFICIAL, ORDER_HEAD, ORG_END, ORG_STOP } from './rules/heads.ts';

/** A name is at most this long. */
const MAX_NAME = 40;

/** The name without whitespace and without the letterhead's "文件". */
export function orgName(text: string): string {
  return text.replace(/\s+/g, '').replace(/文件$/, '');
}

/** True for a line that is one organisation's name (a letterhead or signature line). */
export function isIssuerLike(text: string): boolean {
  const name = text.replace(/\s+/g, '');
  return name.length >= 2 && name.length <= MAX_NAME && !ORG_STOP.test(name) && ORG_END.test(name);
}

/** The issuer of an order head line ("上海市人民政府令" → "上海市人民政府"), or undefined. */
export function orderIssuer(text: string): string | undefined {
  return ORDER_HEAD.exec(text.replace(/\s+/g, ''))?.[1];
}

/** True for an order's signer line ("市长　应勇"). */
export function isOfficialSignature(text: string): boolean {
  return OFFICIAL.test(text.trim());
}

/** The issuers a title starts with, joint names split ("国家发展改革委 国家能源局关于…"). */
export function issuersInTitle(title: string): string[] {
  const m = ISSUER_IN_TITLE.exec(title);
  if (!m) return [];
  return splitNames([m[1]]) ?? [m[1].replace(/\s+/g, '')];
}

/**
 * True for a line that may be part of a signature: a name or part of one, several names
 * separated by spaces, no sentence punctuation.
 */
export function isNameLine(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= MAX_NAME * 2 && !ORG_STOP.test(t) && !/\d/.test(t) && /^[\u4e00-\u9fff（）()\s\u3000·]+$/.test(t);
}

/**
 * Splits signature lines into organisation names: names are separated by spaces
 * and line breaks, and a piece that is not a name by itself ("济南市工业和") is
 * joined to the next ("信息化局"). Undefined when the pieces do not make names.
 */
export function splitNames(lines: string[]): string[] | undefined {
  const pieces = lines.flatMap((l) => l.split(/[\s\u3000]+/)).filter(Boolean);
  const names: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (isIssuerLike(pending)) {
      names.push(orgName(pending));
      pending = '';
    }
  }
  if (pending !== '' || names.length === 0) return undefined;
  return names;
}
