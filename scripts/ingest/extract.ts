/**
 * Stage 5: units and targets of a whole document, read in the order a reader
 * reads it. Each provision's own text gives its units (scripts/ingest/units.ts)
 * and targets (scripts/ingest/targets.ts); what this module adds is what a
 * careful reader carries from one place to the next:
 *
 * - Clauses written once for all later tasks: "以下均需各市政府、雄安新区管委会落实，
 *   不再列出" gives those units to every later task, each chip keeping the clause
 *   and its line as evidence (scope 'document').
 * - "列第一位的为牵头单位，下同": in this and every later list without roles of its
 *   own, the first unit leads (the others stay responsible units).
 * - "各市（含定州、辛集市，下同）政府": later chips of 各市政府 carry the same note.
 * - Years from the context: a paragraph or heading that opens with "到2025年，" gives
 *   its year to the paragraphs and sub-provisions after it (the bullets of a 发展目标
 *   section); the document's period ("2024—2026年" in the title) comes last.
 * - Targets outside tasks: a preamble's headline targets are read too, onto the
 *   paragraph (Paragraph.targets).
 *
 * Mutates the provisions and paragraphs it is given (units, targets) and returns warnings.
 */
import type { Block, Diagnostic, Evidence, Paragraph, Provision, SourceSpan, Unit } from './model.ts';
import { dedupe, extractUnits, findStandingClauses, type StandingClause } from './units.ts';
import { extractTargets, yearCarriedBy } from './targets.ts';
import { READING_RULES } from './rules/readings.ts';

/** The parts of a parsed document this stage reads. */
export interface ExtractInput {
  file: string;
  title?: string;
  subtitle: string[];
  titleSpan?: SourceSpan;
  preamble: Block[];
  body: Block[];
}

/** A year a context gives, with where it is written. */
interface YearContext {
  year?: number;
  evidence?: Evidence;
}

/** The clauses read so far that apply to what follows. */
interface Standing {
  /** Units for every later task, with the clause that names them. */
  laterUnits: Array<{ name: string; evidence: Evidence }>;
  /** "列第一位的为牵头单位，下同", once read. */
  firstLeads?: Evidence;
  /** Notes written once for a name ("含定州、辛集市，下同"). */
  notes: Map<string, string>;
}

/** Reads the units and targets of every provision and of the paragraphs outside them; returns warnings. */
export function extractDocument(doc: ExtractInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const standing: Standing = { laterUnits: [], notes: new Map() };
  const period = documentPeriod(doc);

  const readLoose = (blocks: Block[], context: YearContext): YearContext => {
    let year = context;
    for (const block of blocks) {
      if (block.type === 'paragraph') {
        block.targets = extractTargets(block.text, { ...yearOptions(year), line: block.lineStart });
        if (block.targets.length === 0) delete block.targets;
        for (const clause of findStandingClauses(block.text, { file: doc.file, line: block.lineStart })) remember(standing, clause);
        year = carried(block.text, block.lineStart) ?? year;
      } else if (block.type === 'provision') readProvision(block, year, standing, doc.file, diagnostics);
      else if (block.type === 'box') readLoose(block.children, year);
    }
    return year;
  };
  readLoose(doc.preamble, period);
  readLoose(doc.body, period);
  return diagnostics;
}

/** Units and targets of a provision's own text (its title and direct paragraphs), then of its sub-provisions. */
function readProvision(p: Provision, inherited: YearContext, standing: Standing, file: string, diagnostics: Diagnostic[]): void {
  const before: Standing = { ...standing, laterUnits: [...standing.laterUnits] };
  let year = inherited;
  const own: Unit[] = [];
  const title = { text: p.title + p.titleSep, lineStart: p.lineStart };
  const texts: Array<{ text: string; lineStart: number }> = [title, ...p.children.filter((c): c is Paragraph => c.type === 'paragraph')];
  for (const { text, lineStart } of texts) {
    const found = extractUnits(text, { file, line: lineStart });
    diagnostics.push(...found.diagnostics);
    own.push(...found.units);
    for (const clause of findStandingClauses(text, { file, line: lineStart })) remember(standing, clause);
    p.targets.push(...extractTargets(text, { ...yearOptions(year), line: lineStart }));
    year = carried(text, lineStart) ?? year;
  }
  p.units.push(...unitsOf(p, dedupe(own), before, standing));
  for (const child of p.children) {
    if (child.type === 'provision') readProvision(child, year, standing, file, diagnostics);
    else if (child.type === 'box') for (const b of child.children) if (b.type === 'provision') readProvision(b, year, standing, file, diagnostics);
  }
}

/**
 * A provision's units: its own, with notes and roles the document gave earlier
 * (or in this very text), then, for a task, the units a clause before it gave to
 * every later task.
 */
function unitsOf(p: Provision, own: Unit[], before: Standing, now: Standing): Unit[] {
  const noted = own.map((u) => (u.note || !now.notes.has(u.name) ? u : { ...u, note: now.notes.get(u.name)! }));
  // A list that states no roles of its own: "列第一位的为牵头单位，下同" read here or earlier makes its first unit
  // the lead; the others stay responsible units, as the text names no other role for them.
  if (now.firstLeads && noted.length > 0 && noted.every((u) => u.role === 'responsible')) {
    Object.assign(noted[0], { role: 'lead', roleEvidence: now.firstLeads });
  }
  if (!p.isTask) return noted;
  const names = new Set(noted.map((u) => u.name));
  const given = before.laterUnits
    .filter((u) => !names.has(u.name))
    .map(
      (u): Unit => ({
        name: u.name,
        role: 'responsible',
        ...(now.notes.has(u.name) ? { note: now.notes.get(u.name)! } : {}),
        evidence: { ...u.evidence, scope: 'document' },
      }),
    );
  return dedupe([...noted, ...given]);
}

function remember(standing: Standing, clause: StandingClause): void {
  if (clause.kind === 'first-leads') standing.firstLeads = clause.evidence;
  else if (clause.kind === 'name-note') standing.notes.set(clause.name, clause.note);
  else for (const name of clause.units) standing.laterUnits.push({ name, evidence: clause.evidence });
}

/** The year a text hands on to what follows it, if one of its sentences opens with a year. */
function carried(text: string, line: number): YearContext | undefined {
  return yearCarriedBy(text, line);
}

function yearOptions(year: YearContext): { year?: number; yearEvidence?: Evidence } {
  return year.year === undefined ? {} : { year: year.year, ...(year.evidence ? { yearEvidence: year.evidence } : {}) };
}

/** The last year of the document's period ("2024—2026年" in the title or subtitle → 2026), the default for targets. */
export function documentPeriod(doc: Pick<ExtractInput, 'title' | 'subtitle' | 'titleSpan'>): YearContext {
  for (const text of [doc.title ?? '', ...doc.subtitle]) {
    const m = READING_RULES.yearSpan.exec(text);
    if (m) return { year: Number(m[2]), evidence: { text, line: doc.titleSpan?.lineStart ?? 0 } };
  }
  return {};
}
