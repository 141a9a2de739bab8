/**
 * The schemas of the hand-checked set (tests/fixtures/hand-checked/units.json and targets.json):
 * responsible units and targets written down by reading the documents, which the pipeline is scored
 * against (tests/unit/ingest/hand-checked.test.ts, `npm run bench`). Written by hand, so checked like
 * the curated data: a wrong field fails with the file, line, JSON path and a hint.
 */
import { z } from 'zod';
import { withHint } from './hints.ts';

/** Unit roles (model.ts UnitRole). */
export const UNIT_ROLES = ['lead', 'support', 'responsible'] as const;
/** Target comparators (model.ts Target['comparator']). */
export const COMPARATORS = ['eq', 'gte', 'gt', 'lte', 'lt', 'approx'] as const;
/** Where a target's year comes from (model.ts Target['yearFrom']). */
export const YEAR_SOURCES = ['printed', 'inherited'] as const;
/** A target's time frame (model.ts TargetPeriod). */
export const TARGET_PERIODS = ['yearly', 'cumulative', 'by-year'] as const;

const text = (hint: string) =>
  withHint(
    z.string().refine((s) => s.trim() !== '', 'is empty'),
    hint,
  );
const file = () => text('the file name in seeds/ or tests/corpus/, e.g. "004_….txt"');
const line = (hint: string) => withHint(z.int().positive('is not a line number'), hint);
const heldOut = () => withHint(z.boolean(), 'true when written from a file the rules were never run on or tuned to').optional();
const note = () => text('where the text allows another reading').optional();

/** A unit as written down by hand. */
export const HandUnitSchema = z.strictObject({
  name: text('the unit exactly as named, without a bracketed note'),
  role: withHint(z.enum(UNIT_ROLES), 'lead or support where the text states it (牵头单位, 参加单位), responsible otherwise'),
  note: text('the note written inside the name, e.g. "含定州、辛集市，下同"').optional(),
  /** 'document' for a unit a clause written once for later tasks gives. */
  scope: withHint(z.literal('document'), '"document" for a unit given by a clause written once for later tasks; leave it out otherwise').optional(),
});

/** A task as written down by hand. */
export const HandTaskSchema = z.strictObject({
  file: file(),
  /** The task heading's physical line. */
  line: line("the task heading's physical line in the file"),
  label: text('the citation label, e.g. "三、（二）10."'),
  quote: text('the clause(s) the units come from'),
  /** True when the text states roles for this task (牵头单位, 参加单位, 列第一位的为牵头单位). */
  rolesStated: withHint(z.boolean(), 'true when the text states roles for this task'),
  units: withHint(z.array(HandUnitSchema), 'every unit of the task: [ { "name": …, "role": … } ]'),
  note: note(),
  /** Written from a file the rules were never run on or tuned to. */
  heldOut: heldOut(),
});

/** A target as written down by hand. */
export const HandTargetSchema = z.strictObject({
  file: file(),
  /** The physical line the number is printed on. */
  line: line('the physical line the number is printed on'),
  quote: text('its sentence (… where shortened)'),
  indicator: text('what is measured, e.g. "规模以上工业营业收入"'),
  valueText: text('the number exactly as printed, e.g. "１２０００" or "3－5"'),
  value: withHint(z.number(), 'the number as read (a range: its lower bound)'),
  upper: withHint(z.number(), "a range's upper bound").optional(),
  unit: withHint(z.string(), 'the unit as written, e.g. "亿元", "%" ("" when there is none)'),
  comparator: withHint(z.enum(COMPARATORS), '以上/不低于 gte, 超过/突破 gt, 左右/约 approx, 达到 or none eq'),
  year: withHint(z.int().nullable(), 'the target year, or null when the text gives none'),
  yearFrom: withHint(z.enum(YEAR_SOURCES).nullable(), 'printed or inherited, null without a year'),
  period: withHint(z.enum(TARGET_PERIODS).nullable(), 'yearly, cumulative or by-year, or null'),
  near: text('a word of the fragment, where one sentence holds the same number twice').optional(),
  /** Fields the text leaves open; they are not counted. */
  unscored: withHint(z.array(z.enum(['year', 'period', 'comparator'])), 'fields the text leaves open: "year", "period", "comparator"').optional(),
  note: note(),
  heldOut: heldOut(),
});

/** A number a reader does not take for a target (a past figure, a grant). */
export const HandNonTargetSchema = z.strictObject({
  file: file(),
  line: line('the physical line the number is printed on'),
  quote: text('its sentence'),
  valueText: text('the number exactly as printed'),
  why: text('why a reader does not take it for a target (a past figure, a grant)'),
});

/** tests/fixtures/hand-checked/units.json. */
export const HandUnitsFileSchema = z.strictObject({
  about: z.string(),
  tasks: withHint(z.array(HandTaskSchema), 'write { "about": …, "tasks": [ … ] }'),
});

/** tests/fixtures/hand-checked/targets.json. */
export const HandTargetsFileSchema = z.strictObject({
  about: z.string(),
  targets: withHint(z.array(HandTargetSchema), 'write { "about": …, "targets": [ … ], "notTargets": [ … ] }'),
  notTargets: withHint(z.array(HandNonTargetSchema), 'write { "about": …, "targets": [ … ], "notTargets": [ … ] }'),
});

/** A unit as written down by hand. */
export type HandUnit = z.infer<typeof HandUnitSchema>;
/** A task as written down by hand. */
export type HandTask = z.infer<typeof HandTaskSchema>;
/** A target as written down by hand. */
export type HandTarget = z.infer<typeof HandTargetSchema>;
/** A number a reader does not take for a target. */
export type HandNonTarget = z.infer<typeof HandNonTargetSchema>;
