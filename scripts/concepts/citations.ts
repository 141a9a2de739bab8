/**
 * Documents citing documents. A title in 《…》 is a citation; it is resolved
 * to a document of the collection by its normalised title, ignoring bracket,
 * dash and space variants and a period in parentheses that one side leaves
 * out (《…三年行动计划(2024-2026年)》 = 《…三年行动计划》 of 2024—2026年).
 * Citations a document makes of itself (a notice naming the plan it issues)
 * are dropped.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { foldChar } from './fold.ts';
import type { CitationGroup, DocumentCitations, TextPlace } from './model.ts';
import { textUnits, type TextUnit } from './text-units.ts';

const CITED_TITLE = /《([^《》\n]{2,120})》/g;

/** A title's comparison key: folded like glossary terms, all brackets as (), quotation marks and spaces removed. */
export function normaliseTitle(title: string): string {
  let out = '';
  for (const ch of title) {
    const f = foldChar(ch);
    if (f === '"' || f === "'" || f === '‘' || f === '’') continue;
    out += f === '[' ? '(' : f === ']' ? ')' : f;
  }
  return out.replace(/~/g, '-');
}

/** Parenthesised parts that name a period or a draft stage, not a different document. */
const IGNORABLE_PART = /^(?:\d{4}年?(?:-\d{4}年?)?|征求意见稿|送审稿|讨论稿|草案)$/;

interface TitleKey {
  /** The normalised title without parenthesised periods and draft stages (but keeping 修订版, 试行…). */
  core: string;
  /** A year range such as "2024-2026", when known. */
  period: string | null;
  full: string;
}

function titleKey(title: string, period?: string | null): TitleKey {
  const full = normaliseTitle(title);
  const yearRange = (s: string) => /(\d{4})年?-(\d{4})/.exec(s)?.slice(1, 3).join('-') ?? null;
  const parts = [...full.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]);
  return {
    core: full.replace(/\(([^()]*)\)/g, (part, inner: string) => (IGNORABLE_PART.test(inner) ? '' : part)),
    period: parts.map(yearRange).find((p) => p !== null) ?? (period ? yearRange(normaliseTitle(period)) : null),
    full,
  };
}

/** Resolves cited titles to documents of the collection. */
export interface TitleResolver {
  /** The id of the cited document, or null when it is not in the collection. */
  resolve(title: string, citing?: string): string | null;
}

/** Builds a resolver over the documents' titles (pure). */
export function titleResolver(documents: readonly PolicyDocument[]): TitleResolver {
  const byCore = new Map<string, Array<{ id: string; key: TitleKey }>>();
  for (const doc of documents) {
    const key = titleKey(doc.meta.title.value, doc.meta.period.value);
    byCore.set(key.core, [...(byCore.get(key.core) ?? []), { id: doc.id, key }]);
  }
  const resolve = (title: string, citing?: string): string | null => {
    const cited = titleKey(title);
    const candidates = (byCore.get(cited.core) ?? []).filter(
      (c) => c.id !== citing && (cited.period === null || c.key.period === null || c.key.period === cited.period),
    );
    return (candidates.find((c) => c.key.full === cited.full) ?? candidates[0])?.id ?? null;
  };
  return {
    // A document is also cited by the notice that issued it: 《…关于印发青岛市…若干政策的通知》 names 青岛市…若干政策.
    resolve: (title, citing) => resolve(title, citing) ?? (issuedTitle(title) ? resolve(issuedTitle(title)!, citing) : null),
  };
}

/** The title a notice issues, from the notice's own title: "甲关于印发乙的通知" → "乙" (null for other titles). */
export function issuedTitle(title: string): string | null {
  const inner = /关于(?:印发|转发)[《“"]?(.{2,}?)[》”"]?的通知$/.exec(title.trim())?.[1];
  return inner ?? null;
}

/** One title in 《…》 in a document's text, resolved (self-citations are never listed). */
export interface CitationMatch {
  /** The paragraph, heading or cell the title is in. */
  unit: TextUnit;
  /** UTF-16 offsets of 《…》 (brackets included) in `unit.text`. */
  start: number;
  end: number;
  /** The title as written, without the brackets. */
  title: string;
  /** The cited document when it is in the collection, else null. */
  target: string | null;
  /** The title's comparison key, the same for every way of writing it. */
  key: string;
}

/** Every title `doc` cites in 《…》, in reading order, except the document's own (pure). */
export function citationMatches(doc: PolicyDocument, resolver: TitleResolver): CitationMatch[] {
  const selfKey = titleKey(doc.meta.title.value, doc.meta.period.value);
  const out: CitationMatch[] = [];
  for (const unit of textUnits(doc)) {
    if (!unit.text.includes('《')) continue;
    for (const m of unit.text.matchAll(CITED_TITLE)) {
      const title = m[1].trim();
      const key = titleKey(title);
      if (isSelf(key, selfKey)) continue;
      out.push({ unit, start: m.index, end: m.index + m[0].length, title, target: resolver.resolve(title, doc.id), key: key.full });
    }
  }
  return out;
}

/** The citations of every document, and for each document the documents citing it (pure). */
export function findCitations(documents: readonly PolicyDocument[]): Record<string, DocumentCitations> {
  const resolver = titleResolver(documents);
  const result: Record<string, DocumentCitations> = {};
  for (const doc of documents) result[doc.id] = { cites: [], external: [], citedBy: [] };
  for (const doc of documents) {
    const groups = new Map<string, CitationGroup>();
    for (const { unit, title, target, key } of citationMatches(doc, resolver)) {
      const { text, ...place } = unit;
      const id = target ?? `external:${key}`;
      const group = groups.get(id) ?? { title, target, places: [] };
      if (!group.places.some((p) => p.anchor === place.anchor)) group.places.push(place as TextPlace);
      groups.set(id, group);
    }
    for (const group of groups.values()) {
      if (group.target) {
        result[doc.id].cites.push(group);
        result[group.target].citedBy.push({ title: group.title, target: doc.id, places: group.places });
      } else result[doc.id].external.push(group);
    }
  }
  return result;
}

function isSelf(cited: TitleKey, self: TitleKey): boolean {
  return cited.core === self.core && (cited.period === null || self.period === null || cited.period === self.period);
}
