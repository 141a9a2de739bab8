/**
 * Stage 6: metadata. Reads title, kind, issuer, 发文字号, date, status, level,
 * region and period from a parsed document; what the text does not say comes
 * from curated data (content/curated/), and every such value is marked curated.
 */
import type {
  AdminLevel,
  Diagnostic,
  DocumentKind,
  DocumentMeta,
  DocumentStatus,
  Field,
  ParsedDocument,
} from './model.ts';
import { pinyinInitials, pinyinSlug } from '../site/slug.ts';
import type { CuratedDocument, Place } from '../contract/curated.ts';

/** Curated records and places: their types come from the schemas of content/curated/. */
export type { CuratedDocument, Place };

export interface MetadataResult {
  id: string;
  meta: DocumentMeta;
  /** The curated record that applied, if any (for the page's "curated" note). */
  curated?: CuratedDocument;
  diagnostics: Diagnostic[];
}

/** Title endings that name the kind of document, longest first. */
const KIND_SUFFIXES: Array<[RegExp, DocumentKind]> = [
  [/行动计划/, '行动计划'],
  [/行动方案/, '行动方案'],
  [/实施方案/, '实施方案'],
  [/若干(?:政策)?措施/, '若干措施'],
  [/政策措施/, '政策措施'],
  [/实施意见/, '实施意见'],
  [/工作机制/, '工作机制'],
];

const STATUSES: DocumentStatus[] = ['征求意见稿', '送审稿', '修订版'];

/** A period such as 2024—2026年 or 2023-2025 年, with any dash the seeds use. */
const PERIOD = /(\d{4})\s*[-—–－~至]+\s*(\d{4})\s*年/;

/** An issuer at the start of a title: "山东省人民政府办公厅关于…". */
const ISSUER_IN_TITLE = /^(.{2,30}?(?:政府|办公厅|办公室|局|厅|委员会|委|部门))关于/;

const field = <T>(value: T, curated = false): Field<T> => ({ value, curated });

/** Finds the curated record for a document, by printed title first, then by a phrase. */
export function findCurated(doc: ParsedDocument, curated: CuratedDocument[], headText: string): CuratedDocument | undefined {
  const title = compact(doc.title ?? citedTitle(doc) ?? '');
  return (
    curated.find((c) => c.match.title !== undefined && compact(c.match.title) === title) ??
    curated.find((c) => c.match.textIncludes !== undefined && headText.includes(c.match.textIncludes))
  );
}

/**
 * A document printed without its own title line (000) is named by its notice:
 * 现将《…》印发给你们. That title is read from the text, so it is not curated.
 */
export function citedTitle(doc: ParsedDocument): string | undefined {
  const notice = doc.notice;
  if (!notice) return undefined;
  const candidates = [notice.title ?? '', ...notice.paragraphs.map((p) => p.text)].filter((t) => t.includes('印发'));
  for (const text of candidates) {
    const m = /《([^》]+)》/.exec(text);
    if (m) return compact(m[1]);
  }
  return undefined;
}

/** Removes all whitespace, so titles compare however they were wrapped. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Finds the most specific place named in `text`; returns its path, outermost first. */
export function findRegion(text: string, places: Place[]): Place[] {
  let best: Place | undefined;
  let bestDepth = -1;
  for (const place of places) {
    const names = [place.name, ...(place.aliases ?? [])];
    if (!names.some((n) => text.includes(n))) continue;
    const depth = regionPath(place, places).length;
    if (depth > bestDepth) {
      best = place;
      bestDepth = depth;
    }
  }
  return best ? regionPath(best, places) : [];
}

function regionPath(place: Place, places: Place[]): Place[] {
  const path: Place[] = [place];
  let current = place;
  while (current.parent) {
    const parent = places.find((p) => p.name === current.parent);
    if (!parent || path.includes(parent)) break;
    path.unshift(parent);
    current = parent;
  }
  return path;
}

/** Reads the document's metadata; curated values fill gaps and are marked as such. */
export function readMetadata(
  doc: ParsedDocument,
  curatedList: CuratedDocument[],
  places: Place[],
  headText: string,
): MetadataResult {
  const diagnostics: Diagnostic[] = [];
  const curated = findCurated(doc, curatedList, headText);
  const titleText = compact(doc.title ?? '');
  const subtitleText = compact(doc.subtitle.join(''));
  const line = doc.titleSpan?.lineStart ?? doc.span.lineStart;

  const pick = <T>(fromText: T | null | undefined, fromCurated: T | undefined, fallback: T): Field<T> => {
    if (fromCurated !== undefined) return field(fromCurated, true);
    if (fromText !== undefined && fromText !== null) return field(fromText);
    return field(fallback);
  };

  const title = pick(titleText || citedTitle(doc) || null, curated?.title, '');
  if (!title.value) {
    diagnostics.push({
      severity: 'warning',
      code: 'meta/no-title',
      message: 'document has no title line and no curated title',
      file: doc.file,
      line,
      hint: 'add an entry to content/curated/documents.json with match.textIncludes and title',
    });
    title.value = `无标题文件（${doc.file} 第${doc.span.lineStart}行）`;
  }

  const kindFromText = KIND_SUFFIXES.find(([re]) => re.test(title.value))?.[1] ?? null;
  const kind = pick<DocumentKind>(kindFromText, curated?.kind, '其他');

  const statusFromText = STATUSES.find((s) => titleText.includes(s) || subtitleText.includes(s)) ?? '正式';
  const status = pick<DocumentStatus>(statusFromText, curated?.status, '正式');

  const periodMatch = PERIOD.exec(titleText + subtitleText);
  const periodFromText = periodMatch ? `${periodMatch[1]}—${periodMatch[2]}年` : null;
  const period = pick<string | null>(periodFromText, curated?.period, null);

  const notice = doc.notice;
  const issuerFromText =
    (notice && notice.issuers.length > 0 ? notice.issuers.join('、') : null) ??
    ISSUER_IN_TITLE.exec(titleText)?.[1] ??
    (notice?.title ? ISSUER_IN_TITLE.exec(compact(notice.title))?.[1] : undefined) ??
    null;
  const issuer = pick<string | null>(issuerFromText, curated?.issuer, null);
  const number = pick<string | null>(notice?.number ?? null, curated?.number, null);
  const date = pick<string | null>(notice?.date ?? null, curated?.date, null);

  const regionText = `${issuer.value ?? ''} ${title.value} ${notice?.title ?? ''}`;
  const regionPlaces = findRegion(regionText, places);
  const region = pick<string[]>(
    regionPlaces.length > 0 ? regionPlaces.map((p) => p.name) : null,
    curated?.region,
    [],
  );
  const deepest = curated?.region
    ? places.find((p) => p.name === curated.region?.at(-1))
    : regionPlaces.at(-1);
  const level = pick<AdminLevel | null>(deepest?.level ?? null, curated?.level, null);

  for (const [name, value] of [
    ['issuer', issuer.value],
    ['date', date.value],
  ] as const) {
    if (value === null) {
      diagnostics.push({
        severity: 'info',
        code: `meta/no-${name}`,
        message: `《${title.value}》 states no ${name === 'issuer' ? 'issuer (发文机关)' : 'date (成文日期)'}`,
        file: doc.file,
        line,
        hint: `add "${name}" to its entry in content/curated/documents.json if it is known`,
      });
    }
  }

  const meta: DocumentMeta = { title, kind, issuer, number, date, status, level, region, period };
  const id = curated?.id ?? automaticId(meta, places);
  return { id, meta, curated, diagnostics };
}

/** A readable ASCII slug: region, year and pinyin initials of the title, e.g. "jinan-2024-wlcy". */
export function automaticId(meta: DocumentMeta, places: Place[]): string {
  const regionName = meta.region.value.at(-1);
  const place = places.find((p) => p.name === regionName);
  // Outside the gazetteer, the place a title starts with ("甲市关于…") still names the region.
  const leadingPlace = /^(.{1,8}?[省市区县])/.exec(meta.title.value)?.[1];
  const regionSlug = place?.slug ?? pinyinSlug(regionName ?? leadingPlace ?? '') ?? 'doc';
  const year = meta.period.value?.slice(0, 4) ?? meta.date.value?.slice(0, 4) ?? 'nd';
  const core = meta.title.value
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^.*?关于(?:印发)?/, '');
  return `${regionSlug || 'doc'}-${year}-${pinyinInitials(core).slice(0, 12) || 'x'}`;
}
