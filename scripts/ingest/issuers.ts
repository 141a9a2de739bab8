/**
 * Names of issuing organisations (发文机关) as the head and the end of a document
 * print them: a letterhead (one line per issuer, maybe "…文件"), an order's head
 * ("上海市人民政府令"), a signature (署名) above the 成文日期 — joint, several names
 * on one line, or one name broken over two lines by PDF extraction — and the
 * issuer a title starts with ("教育部关于…", "民政部对…的答复").
 */

/** Organisation names end like this; a bracketed suffix and "文件" (a letterhead) may follow. */
export const ORG_END =
  /(?:政府|办公厅|办公室|委员会|管委会|领导小组|党组|局|厅|委|部|院|会|中心|办|署|公司|集团|银行)(?:[（(][^（）()]+[）)])?(?:文件)?$/;
/** Punctuation that never occurs in an organisation name. */
const ORG_STOP = /[，。；：:、,;《》“”！？!?]/;
/** A name is at most this long. */
const MAX_NAME = 40;
/** An order's head: "上海市人民政府令", "国家市场监督管理总局令". */
const ORDER_HEAD = /^(.{2,30}?(?:政府|委员会|局|部|署|院|厅|委|行))令$/;
/** The signer of an order: 职务 and name ("市长　应勇", "省长 马兴瑞"). */
const OFFICIAL = /^(?:省长|市长|区长|县长|州长|主席|总理|部长|主任|局长|署长|院长|行长|书记|代省长|代市长|代区长|代县长)[\s\u3000]*[\u4e00-\u9fff·]{2,5}$/;
/** An issuer at the start of a title: "山东省人民政府办公厅关于…", "民政部对…的答复". */
const ISSUER_IN_TITLE = /^(.{2,40}?(?:政府|办公厅|办公室|委员会|局|厅|委|部|院|署|部门))(?:关于|对)/;

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
