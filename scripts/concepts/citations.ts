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
import { textUnits } from './text-units.ts';

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
  return {
    resolve(title, citing) {
      const cited = titleKey(title);
      const candidates = (byCore.get(cited.core) ?? []).filter(
        (c) => c.id !== citing && (cited.period === null || c.key.period === null || c.key.period === cited.period),
      );
      return (candidates.find((c) => c.key.full === cited.full) ?? candidates[0])?.id ?? null;
    },
  };
}

/** The citations of every document, and for each document the documents citing it (pure). */
export function findCitations(documents: readonly PolicyDocument[]): Record<string, DocumentCitations> {
  const resolver = titleResolver(documents);
  const result: Record<string, DocumentCitations> = {};
  for (const doc of documents) result[doc.id] = { cites: [], external: [], citedBy: [] };
  for (const doc of documents) {
    const selfKey = titleKey(doc.meta.title.value, doc.meta.period.value);
    const groups = new Map<string, CitationGroup>();
    for (const unit of textUnits(doc)) {
      if (!unit.text.includes('《')) continue;
      const { text, ...place } = unit;
      for (const m of text.matchAll(CITED_TITLE)) {
        const title = m[1].trim();
        const key = titleKey(title);
        if (isSelf(key, selfKey)) continue;
        const target = resolver.resolve(title, doc.id);
        const id = target ?? `external:${key.full}`;
        const group = groups.get(id) ?? { title, target, places: [] };
        if (!group.places.some((p) => p.anchor === place.anchor)) group.places.push(place as TextPlace);
        groups.set(id, group);
      }
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
