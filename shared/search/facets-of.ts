/**
 * The filter values of a document, written on its page as data-pagefind-filter
 * (read by Pagefind and by our own index alike). Values are what a reader
 * picks from: "市级", "山东省", "2024年", one issuer per joint issuer.
 */
import type { PolicyDocument } from '../../scripts/ingest/model.ts';
import type { DocumentStanding } from '../../scripts/relations/model.ts';

/** Shown for a document whose issuer or date the text does not state. */
export const UNSTATED = '未注明';

const LEVELS: Readonly<Record<string, string>> = { 省: '省级', 市: '市级', 区: '区级' };

/**
 * [filter key, value] pairs of a document; region gives every level of its path. With its standing
 * (scripts/relations/), status is the derived one (修订, 已废止…) and "inforce" lists each year it is in force.
 */
export function searchFacets(doc: PolicyDocument, standing?: Pick<DocumentStanding, 'status' | 'inForce'>): Array<[string, string]> {
  const m = doc.meta;
  const out: Array<[string, string]> = [];
  if (m.level.value) out.push(['level', LEVELS[m.level.value] ?? m.level.value]);
  for (const region of m.region.value) out.push(['region', region]);
  // A joint notice lists its issuers with 、; each can be chosen on its own.
  const issuers = m.issuer.value
    ? m.issuer.value
        .split('、')
        .map((s) => s.trim())
        .filter(Boolean)
    : [UNSTATED];
  for (const issuer of issuers) out.push(['issuer', issuer]);
  const year = m.date.value ? /^(\d{4})/.exec(m.date.value)?.[1] : undefined;
  out.push(['year', year ? `${year}年` : UNSTATED]);
  out.push(['kind', m.kind.value]);
  out.push(['status', standing?.status ?? m.status.value]);
  for (const y of standing?.inForce ?? []) out.push(['inforce', `${y}年`]);
  return out;
}
