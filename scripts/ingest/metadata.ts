/**
 * Stage 6: metadata. Reads title, kind, issuer, 发文字号, date, status, level,
 * region and period from a parsed document; what the text does not say comes
 * from curated data (content/curated/), and every such value is marked curated.
 */
import type { AdminLevel, Diagnostic, DocumentKind, DocumentMeta, DocumentStatus, Field, ParsedDocument, SourceField } from './model.ts';
import {
  type Reading,
  dateReadings,
  fieldTitle,
  first,
  inferredTitle,
  isoDateOf,
  issuerReadings,
  kindReading,
  numberReadings,
  titleReadings,
} from './readings.ts';
import { pinyinInitials, pinyinSlug } from '../urls/slug.ts';
import type { CuratedDocument, Place } from '../contract/curated.ts';
import { READING_RULES } from './rules/readings.ts';

/** Curated records and places: their types come from the schemas of content/curated/. */
export type { CuratedDocument, Place };

export interface MetadataResult {
  id: string;
  meta: DocumentMeta;
  /** The curated record that applied, if any (for the page's "curated" note). */
  curated?: CuratedDocument;
  diagnostics: Diagnostic[];
}

const STATUSES: DocumentStatus[] = ['征求意见稿', '送审稿', '修订版'];

const field = <T>(value: T, curated = false): Field<T> => ({ value, curated });

/** Finds the curated record for a document, by printed title first, then by a phrase. */
export function findCurated(doc: ParsedDocument, curated: CuratedDocument[], headText: string): CuratedDocument | undefined {
  const title = compact(doc.title ?? citedTitle(doc) ?? '');
  // A period printed on its own line under the title is part of it; a record may name the title without it.
  const withoutPeriod = title.replace(/[（(][^（）()]*\d{4}[^（）()]*[）)]$/, '');
  return (
    curated.find((c) => c.match.title !== undefined && [title, withoutPeriod].includes(compact(c.match.title))) ??
    curated.find((c) => c.match.textIncludes !== undefined && headText.includes(c.match.textIncludes))
  );
}

/**
 * A document printed without its own title line (000) is named by its notice:
 * 现将《…》印发给你们. That title is read from the text, so it is not curated.
 */
export function citedTitle(doc: ParsedDocument): string | undefined {
  for (const reading of titleReadings(doc)) if (reading.from.part !== 'title') return compact(reading.value);
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
export function readMetadata(doc: ParsedDocument, curatedList: CuratedDocument[], places: Place[], headText: string): MetadataResult {
  const diagnostics: Diagnostic[] = [];
  const curated = findCurated(doc, curatedList, headText);
  const titleText = compact(doc.title ?? '');
  const subtitleText = compact(doc.subtitle.join(''));
  const line = doc.titleSpan?.lineStart ?? doc.span.lineStart;
  const fields = doc.fields ?? {};

  const pick = <T>(fromText: T | null | undefined, fromCurated: T | undefined, fallback: T): Field<T> => {
    if (fromCurated !== undefined) return field(fromCurated, true);
    if (fromText !== undefined && fromText !== null) return field(fromText);
    return field(fallback);
  };
  /** Curated first, then the first reading of the text, then a field set aside around it, then the fallback. */
  // Readings are tried in order and computed only when the ones before gave nothing.
  const choose = <T>(readings: Array<() => Reading<T> | undefined>, fromCurated: T | undefined, fallback: T): Field<T> => {
    if (fromCurated !== undefined) return field(fromCurated, true);
    for (const read of readings) {
      const reading = read();
      if (reading) return { value: reading.value, curated: false, from: reading.from };
    }
    return field(fallback);
  };

  const printed = first(titleReadings(doc));
  const title = choose<string>([() => printed, () => fieldTitle(fields.title), () => inferredTitle(doc)], curated?.title, '');
  if (!title.value) {
    diagnostics.push({
      severity: 'warning',
      code: 'meta/no-title',
      message: 'document has no title line, names no subject of its own and has no curated title',
      file: doc.file,
      line,
      hint: 'add an entry to content/curated/documents.json with match.textIncludes and title',
    });
    title.value = `无标题文件（${doc.file} 第${doc.span.lineStart}行）`;
  }
  const titleReading = title.from && { value: title.value, from: title.from };

  const kind = choose<DocumentKind>([() => kindReading(doc, titleReading)], curated?.kind, '其他');

  const statusFromText = STATUSES.find((s) => titleText.includes(s) || subtitleText.includes(s)) ?? '正式';
  const status = pick<DocumentStatus>(statusFromText, curated?.status, '正式');

  const periodMatch = READING_RULES.periodInYears.exec(titleText + subtitleText);
  const periodFromText = periodMatch ? `${periodMatch[1]}—${periodMatch[2]}年` : null;
  const period = pick<string | null>(periodFromText, curated?.period, null);

  const issuer = choose<string | null>(
    [
      () => {
        const names = first(issuerReadings(doc));
        return checkedAgainst('issuer', names && { value: names.value.join('、'), from: names.from }, fields.issuer, doc, diagnostics);
      },
    ],
    curated?.issuer,
    null,
  );
  const number = choose<string | null>([() => checkedAgainst('number', first(numberReadings(doc)), fields.number, doc, diagnostics)], curated?.number, null);
  const dateField = fields.date && { ...fields.date, value: isoDateOf(fields.date.value) ?? '' };
  const date = choose<string | null>(
    [() => checkedAgainst('date', first(dateReadings(doc)), dateField?.value ? dateField : undefined, doc, diagnostics)],
    curated?.date,
    null,
  );
  if (printed && fields.title) checkedAgainst('title', printed, fields.title, doc, diagnostics);

  const notice = doc.notice;
  const regionText = `${issuer.value ?? ''} ${title.value} ${notice?.title ?? ''}`;
  const regionPlaces = findRegion(regionText, places);
  const region = pick<string[]>(regionPlaces.length > 0 ? regionPlaces.map((p) => p.name) : null, curated?.region, []);
  const deepest = curated?.region ? places.find((p) => p.name === curated.region?.at(-1)) : regionPlaces.at(-1);
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

/** How a set-aside field is named in messages. */
const FIELD_SOURCE_TEXT: Record<SourceField['from'], string> = {
  'web-page': "the web page's metadata",
  export: "the export's header",
  'front-matter': 'the YAML front matter',
};

/**
 * The text's reading, checked against the value a web page, export header or front
 * matter states: the text wins and a disagreement is reported; a fuller form of the
 * same name (天津市工业和信息化局 for the title's 市工业和信息化局) is taken from the field;
 * the field fills in what the text does not say.
 */
function checkedAgainst<T extends string>(
  name: 'title' | 'issuer' | 'number' | 'date',
  text: Reading<T> | undefined,
  stated: SourceField | undefined,
  doc: ParsedDocument,
  diagnostics: Diagnostic[],
): Reading<T> | undefined {
  if (!stated || stated.value === '') return text;
  const value = stated.value as T;
  const fromField: Reading<T> = { value, from: { part: stated.from, line: stated.line } };
  if (!text) return fromField;
  const [a, b] = [comparable(text.value), comparable(value)];
  if (a === b) return text;
  if (name === 'issuer' && b.endsWith(a)) return fromField;
  // An order's number is printed 第19号 under the order, 某省人民政府令第301号 in a database: the same number.
  if (name === 'number' && (b.endsWith(a) || a.endsWith(b))) return text;
  if (name === 'title' && (a.includes(b) || b.includes(a))) return text;
  diagnostics.push({
    severity: 'warning',
    code: 'meta/source-disagrees',
    file: doc.file,
    line: stated.line,
    message: `${doc.file}:${stated.line}: ${FIELD_SOURCE_TEXT[stated.from]} gives the ${name} "${value}" (${stated.label}), the text "${text.value}" (line ${text.from.line}); the text's value is used`,
    hint: 'Nothing to do if the text is right; otherwise correct the source file.',
  });
  return text;
}

/** A value compared with letters and digits only (spaces, brackets and separators do not count). */
function comparable(value: string): string {
  return value.replace(/[^\p{L}\p{N}]/gu, '');
}

/** A readable ASCII slug: region, year and pinyin initials of the title, e.g. "jinan-2024-wlcy". */
export function automaticId(meta: DocumentMeta, places: Place[]): string {
  const regionName = meta.region.value.at(-1);
  const place = places.find((p) => p.name === regionName);
  // Outside the gazetteer, the place a title starts with ("甲市关于…") still names the region.
  const leadingPlace = READING_RULES.leadingPlace.exec(meta.title.value)?.[1];
  const regionSlug = place?.slug ?? pinyinSlug(regionName ?? leadingPlace ?? '') ?? 'doc';
  const year = meta.period.value?.slice(0, 4) ?? meta.date.value?.slice(0, 4) ?? 'nd';
  const core = meta.title.value.replace(/[（(][^）)]*[）)]/g, '').replace(/^.*?关于(?:印发)?/, '');
  return `${regionSlug || 'doc'}-${year}-${pinyinInitials(core).slice(0, 12) || 'x'}`;
}
