/**
 * The schemas of the hand-edited data in content/curated/: documents.json (metadata the text does not
 * give), places.json (the gazetteer) and concepts.json (the glossary). Their types are inferred from
 * these schemas, so the files, the build and the pages cannot disagree about a field.
 *
 * Why here, in scripts/contract/: the ingest (first stage), the concept stage and Astro's content
 * config (src/content.config.ts) all read these shapes. A module of schemas that imports only zod sits
 * before every stage, so each can import it without an import running against the pipeline.
 * Checks across entries (duplicate ids, unknown parents) are in curated-files.ts; the glossary's,
 * which need the concept stage's term folding, in scripts/concepts/glossary.ts.
 */
import { z } from 'zod';
import { withHint } from './hints.ts';

/** An ASCII slug: lower-case letters and digits in words joined by "-" (document and concept ids). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Drafting states (model.ts DocumentStatus). */
export const DOCUMENT_STATUSES = ['征求意见稿', '送审稿', '修订版', '正式'] as const;
/** Administrative levels of the gazetteer (model.ts AdminLevel), highest first. */
export const ADMIN_LEVELS = ['省', '市', '区'] as const;

const LEVEL_HINT = '省 for a province or a city directly under the State Council, 市 for a city, 区 for a district or county';

/** A string with something in it besides spaces. */
const text = (hint: string) =>
  withHint(
    z.string().refine((s) => s.trim() !== '', 'is empty'),
    hint,
  );

const slug = (hint: string) => withHint(z.string().regex(SLUG, 'is not an ASCII slug (a-z, 0-9, words joined by "-")'), hint);

/** How a curated record recognises its document. */
export const CuratedMatchSchema = withHint(
  z
    .strictObject({
      title: text('the title exactly as printed in the document (spaces are ignored)').optional(),
      textIncludes: text('a phrase from the first lines of the document, exactly as written there').optional(),
    })
    .refine((m) => m.title !== undefined || m.textIncludes !== undefined, 'names neither "title" nor "textIncludes"'),
  'write "match": { "title": "…" } or "match": { "textIncludes": "…" }',
);

/** One record of documents.json: how to recognise the document, and the values to supply. */
export const CuratedDocumentSchema = z.strictObject({
  match: CuratedMatchSchema,
  id: slug('the document URL slug: region, year and pinyin words, e.g. "jinan-shizhong-2024-xinxing-gongyehua"').optional(),
  title: text('the full title, as the document would print it').optional(),
  // Kinds are free text, as documents name themselves (行动计划, 指导意见, 实施细则, 答复 …; model.ts DocumentKind).
  kind: text('the kind as the document names itself, e.g. "行动计划" or "新闻报道"; "其他" when it names none').optional(),
  issuer: text('the issuing body as printed, e.g. "济南市人民政府办公厅"').optional(),
  number: text('the 发文字号 as printed, e.g. "济政办字〔2024〕12号"').optional(),
  date: withHint(z.iso.date('is not a date written YYYY-MM-DD'), 'write the date of issue as "2024-03-01"').optional(),
  status: withHint(z.enum(DOCUMENT_STATUSES), 'a draft as its title says; "正式" for an issued document').optional(),
  level: withHint(z.enum(ADMIN_LEVELS), LEVEL_HINT).optional(),
  region: withHint(
    z.array(text('a place name of places.json')).min(1, 'is an empty list'),
    'the places from the outermost in, e.g. ["山东省", "济南市"]; each must be in places.json',
  ).optional(),
  period: withHint(
    z.string().regex(/^\d{4}—\d{4}年$/, 'is not a period written 2024—2026年'),
    'write the period as the pages show it: "2024—2026年" (with an em dash)',
  ).optional(),
  note: text('one or two sentences on why these values are curated; shown on the page').optional(),
});

/** One place of places.json, the gazetteer used to read region and level from names. */
export const PlaceSchema = z.strictObject({
  name: text('the full name, e.g. "济南市"'),
  /** Short forms as they appear in titles ("市中区" for "济南市市中区"). */
  aliases: withHint(z.array(text('another written form of the name')), 'other written forms, e.g. ["济南市市中区"]').optional(),
  parent: text('the "name" of the enclosing place in this file').optional(),
  level: withHint(z.enum(ADMIN_LEVELS), LEVEL_HINT),
  /** ASCII short name used in document slugs ("jinan"). */
  slug: slug('the ASCII short name used in document ids, e.g. "jinan" or "jinan-shizhong"'),
});

/** A sentence in which a document defines the concept itself, quoted verbatim. */
export const ConceptQuoteSchema = z.strictObject({
  /** The sentence exactly as it stands in the document (after ingest normalisation). */
  text: text('the defining sentence, verbatim'),
  /** Document id. */
  document: slug('the id of the document the sentence is in (its URL slug)'),
  /** The provision (task) that contains the sentence; absent for text outside provisions. */
  eid: text('the eId of the task holding the sentence, e.g. "item_4"; leave it out for text outside tasks').optional(),
});

/** Ids that would collide with the fixed pages under /concepts/. */
export const RESERVED_CONCEPT_IDS: readonly string[] = ['candidates'];

/** One concept of the glossary. */
export const ConceptSchema = z.strictObject({
  /** ASCII slug from the pinyin of the name, e.g. "lianzhangzhi"; used in URLs. */
  id: withHint(
    z
      .string()
      .regex(SLUG, 'is not an ASCII slug (a-z, 0-9, words joined by "-")')
      .refine((id) => !RESERVED_CONCEPT_IDS.includes(id), 'is reserved for a fixed page'),
    'use the toneless pinyin of the name in lower case, words joined by "-", e.g. "lianzhu-qiye"',
  ),
  /** The usual written form, e.g. "链长制". */
  name: text('add "name": the usual written form'),
  /** A short definition for the public, in our own words. */
  definition: withHint(
    z.string().refine((s) => s.trim().length >= 8, 'is shorter than 8 characters'),
    'add "definition": one or two plain sentences for the public',
  ),
  /** Other names, abbreviations and variant forms that mean the same thing. */
  aliases: withHint(z.array(text('each alias is a written form of the concept')), 'write "aliases": [] when there are none'),
  /** Ids of related concepts. */
  related: withHint(z.array(z.string()), 'a list of concept ids of this file; write "related": [] when there are none'),
  quote: withHint(ConceptQuoteSchema, 'quote the defining sentence verbatim and name the document id and the task eid').optional(),
});

/** content/curated/concepts.json: a comment for editors and the concepts. */
export const GlossaryFileSchema = withHint(
  z.strictObject({
    $comment: z.string().optional(),
    concepts: withHint(z.array(ConceptSchema), 'write { "concepts": [ { "id": …, "name": …, … } ] }'),
  }),
  'write { "concepts": [ { "id": …, "name": …, … } ] }',
);

/** One curated record of documents.json. */
export type CuratedDocument = z.infer<typeof CuratedDocumentSchema>;
/** A place in the gazetteer. */
export type Place = z.infer<typeof PlaceSchema>;
/** A glossary quote. */
export type ConceptQuote = z.infer<typeof ConceptQuoteSchema>;
/** One curated concept. */
export type Concept = z.infer<typeof ConceptSchema>;
