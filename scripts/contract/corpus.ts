/**
 * The schemas of the document model as the ingest writes it (content/generated/corpus.json) and as
 * later stages read it back: the corpus, and inside the site data (site.json) the same documents.
 * Generated, not hand-edited: a problem here is a writer and a reader disagreeing, so the check is
 * strict (an unknown field fails too) and its message names the file and the JSON path.
 *
 * The TypeScript interfaces of scripts/ingest/model.ts stay the types the stages use; each schema
 * here is checked against its interface both ways by tests/unit/contract/generated-types.test.ts,
 * so neither can change without the other. Only zod is imported: every stage may import this.
 */
import { z } from 'zod';
import { ADMIN_LEVELS, DOCUMENT_STATUSES } from './curated.ts';

const int = () => z.number();

/** Physical lines of a node in its seed file. */
const span = { lineStart: int(), lineEnd: int() };

export const SourceSpanSchema = z.strictObject(span);

export const DiagnosticSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: int(),
  hint: z.string().optional(),
});

export const NORMALISATION_KINDS = [
  'page-number',
  'letterhead-spacing',
  'wrap-join',
  'cjk-digit-space',
  'private-use',
  'control-char',
  'blank-line',
  'edge-space',
  'repeated-header',
  'running-header',
  'running-footer',
  'site-navigation',
  'list-number',
  'markup',
  'glued-heading',
  'pinyin-gloss',
  'export-header',
  'front-matter',
] as const;

export const NormalisationSchema = z.strictObject({ kind: z.enum(NORMALISATION_KINDS), line: int(), before: z.string(), after: z.string() });

export const EvidenceSchema = z.strictObject({ text: z.string(), line: int() });

export const UnitSchema = z.strictObject({
  name: z.string(),
  role: z.enum(['lead', 'support', 'responsible']),
  note: z.string().optional(),
  evidence: z.strictObject({ text: z.string(), line: int(), scope: z.enum(['task', 'document']) }),
  roleEvidence: EvidenceSchema.optional(),
});

export const TargetSchema = z.strictObject({
  text: z.string(),
  indicator: z.string(),
  value: z.number(),
  upper: z.number().optional(),
  valueText: z.string(),
  unit: z.string(),
  quantity: z.string(),
  comparator: z.enum(['eq', 'gte', 'gt', 'lte', 'lt', 'approx']),
  year: int().optional(),
  yearFrom: z.enum(['printed', 'inherited']).optional(),
  yearEvidence: EvidenceSchema.optional(),
  period: z.enum(['yearly', 'cumulative', 'by-year']).optional(),
  evidence: EvidenceSchema,
});

export const ParagraphSchema = z.strictObject({
  type: z.literal('paragraph'),
  text: z.string(),
  unplaced: z.boolean().optional(),
  targets: z.array(TargetSchema).optional(),
  ...span,
});

export const TableCellSchema = z.strictObject({ text: z.string(), colspan: int().optional(), rowspan: int().optional(), header: z.boolean().optional() });

export const TableSchema = z.strictObject({ type: z.literal('table'), caption: z.string().optional(), rows: z.array(z.array(TableCellSchema)), ...span });

export const PROVISION_KINDS = ['chapter', 'section', 'article', 'sec', 'subsec', 'item', 'point', 'clause'] as const;

const BoxFields = z.strictObject({ type: z.literal('box'), marker: z.string(), title: z.string(), eid: z.string(), ...span });

const ProvisionFields = z.strictObject({
  type: z.literal('provision'),
  kind: z.enum(PROVISION_KINDS),
  num: z.number(),
  marker: z.string(),
  title: z.string(),
  titleSep: z.string(),
  eid: z.string(),
  label: z.string(),
  isTask: z.boolean(),
  units: z.array(UnitSchema),
  targets: z.array(TargetSchema),
  ...span,
});

/** What a block schema gives: named here because a box and a provision hold blocks (TypeScript needs the recursion spelled out). */
export type BlockData =
  | z.infer<typeof ParagraphSchema>
  | z.infer<typeof TableSchema>
  | (z.infer<typeof BoxFields> & { children: BlockData[] })
  | (z.infer<typeof ProvisionFields> & { children: BlockData[] });

export const BoxSchema = BoxFields.extend({
  get children(): z.ZodArray<z.ZodType<BlockData>> {
    return z.array(BlockSchema);
  },
});

export const ProvisionSchema = ProvisionFields.extend({
  get children(): z.ZodArray<z.ZodType<BlockData>> {
    return z.array(BlockSchema);
  },
});

/** A block of a body: paragraph, table, 专栏 box or provision (by its `type`). */
export const BlockSchema: z.ZodType<BlockData> = z.discriminatedUnion('type', [ParagraphSchema, TableSchema, BoxSchema, ProvisionSchema]);

export const ORIGIN_PARTS = [
  'title',
  'notice-title',
  'cited-title',
  'letterhead',
  'order',
  'number-line',
  'signature',
  'date-line',
  'promulgation',
  'self-reference',
  'web-page',
  'export',
  'front-matter',
] as const;

export const OriginSchema = z.strictObject({ part: z.enum(ORIGIN_PARTS), line: int() });

export const NoticeSchema = z.strictObject({
  ...span,
  title: z.string().optional(),
  issuers: z.array(z.string()),
  issuersFrom: OriginSchema.optional(),
  numberLine: int().optional(),
  dateLine: int().optional(),
  number: z.string().optional(),
  recipients: z.string().optional(),
  date: z.string().optional(),
  paragraphs: z.array(ParagraphSchema),
});

export const FooterSchema = z.strictObject({ ...span, paragraphs: z.array(ParagraphSchema) });

export const ClosingSchema = z.strictObject({
  ...span,
  issuers: z.array(z.string()),
  date: z.string().optional(),
  signatureLine: int().optional(),
  dateLine: int().optional(),
  paragraphs: z.array(ParagraphSchema),
});

export const AttachmentSchema = z.strictObject({ ...span, marker: z.string(), title: z.string(), eid: z.string(), body: z.array(BlockSchema) });

export const SOURCE_FIELD_NAMES = ['title', 'issuer', 'number', 'date', 'published', 'effective', 'validity', 'level', 'citation', 'url', 'source'] as const;

export const SourceFieldSchema = z.strictObject({ value: z.string(), from: z.enum(['web-page', 'export', 'front-matter']), line: int(), label: z.string() });

export const ParsedDocumentSchema = z.strictObject({
  file: z.string(),
  chunkIndex: int(),
  span: SourceSpanSchema,
  notice: NoticeSchema.optional(),
  title: z.string().optional(),
  subtitle: z.array(z.string()),
  titleSpan: SourceSpanSchema.optional(),
  preamble: z.array(BlockSchema),
  body: z.array(BlockSchema),
  closing: ClosingSchema.optional(),
  attachments: z.array(AttachmentSchema).optional(),
  footer: FooterSchema.optional(),
  truncated: z.boolean().optional(),
  normalisations: z.array(NormalisationSchema).optional(),
  fields: z.partialRecord(z.enum(SOURCE_FIELD_NAMES), SourceFieldSchema).optional(),
  diagnostics: z.array(DiagnosticSchema),
});

/** A metadata value, whether it is curated, and where it was read. */
const field = <T extends z.ZodType>(value: T) => z.strictObject({ value, curated: z.boolean(), from: OriginSchema.optional() });

export const DocumentMetaSchema = z.strictObject({
  title: field(z.string()),
  kind: field(z.string()),
  issuer: field(z.string().nullable()),
  number: field(z.string().nullable()),
  date: field(z.string().nullable()),
  status: field(z.enum(DOCUMENT_STATUSES)),
  level: field(z.enum(ADMIN_LEVELS).nullable()),
  region: field(z.array(z.string())),
  period: field(z.string().nullable()),
});

export const SourceRefSchema = z.strictObject({ file: z.string(), lineStart: int(), lineEnd: int() });

export const PolicyDocumentSchema = z.strictObject({
  id: z.string(),
  meta: DocumentMetaSchema,
  notice: NoticeSchema.optional(),
  subtitle: z.array(z.string()),
  preamble: z.array(BlockSchema),
  body: z.array(BlockSchema),
  closing: ClosingSchema.optional(),
  attachments: z.array(AttachmentSchema).optional(),
  footer: FooterSchema.optional(),
  sources: z.array(SourceRefSchema),
  copies: z.array(z.strictObject({ source: SourceRefSchema, parsed: ParsedDocumentSchema })),
  truncated: z.boolean().optional(),
  curatedNote: z.string().optional(),
  diagnostics: z.array(DiagnosticSchema),
});

export const LineOriginSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('pdf'), page: int(), line: int() }),
  z.strictObject({ type: z.literal('docx'), paragraph: int(), table: int().optional(), row: int().optional() }),
  z.strictObject({ type: z.literal('html'), path: z.string() }),
]);

const originalFile = { file: z.string(), format: z.enum(['txt', 'pdf', 'docx', 'html']), byteLength: int(), origins: z.array(LineOriginSchema) };

export const OriginalFileSchema = z.strictObject(originalFile);

/** An original file as the site publishes it: its path under the site root, or null over the size limit. */
export const PublishedOriginalSchema = z.strictObject({ ...originalFile, path: z.string().nullable() });

/** content/generated/corpus.json: everything the ingest produces. */
export const CorpusSchema = z.strictObject({
  documents: z.array(PolicyDocumentSchema),
  normalisations: z.record(z.string(), z.array(NormalisationSchema)),
  sources: z.record(z.string(), z.array(z.string())),
  originals: z.record(z.string(), OriginalFileSchema).optional(),
  diagnostics: z.array(DiagnosticSchema),
});
