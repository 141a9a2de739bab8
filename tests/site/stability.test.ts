/**
 * URLs and task anchors are stable: editing one word in one task's text, or
 * renaming the seed files so they sort in another order, leaves every document
 * id (its URL) and every eId (its task anchors) as it was. The ingest alone
 * decides both, so each variant runs only `node scripts/ingest.ts` in a temp
 * copy of the project and compares the corpus.json files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus, PolicyDocument } from '../../scripts/ingest/model.ts';
import { makeTempProject, type TempProject } from '../../scripts/harness/temp-project.ts';
import { tasksOf } from '../../shared/document/tasks.ts';
import { walkBlocks } from '../../shared/document/walk.ts';

/** The seed edited, and which of its document's tasks (1-based, reading order). */
const EDITED_SEED = /^000_/;
const EDITED_TASK = 5;
/** A two-character word preceded by another ideograph (so never a marker or a line's first word). */
const WORD = /(?<=[\u4e00-\u9fff])[\u4e00-\u9fff]{2}/;

let project: TempProject;
let original: Corpus;

beforeAll(() => {
  project = makeTempProject({ seeds: 'copy-real' });
  original = ingest(project);
}, 120_000);

afterAll(() => project?.cleanup());

describe('stable ids and anchors', () => {
  it('the seeds give documents with ids and task anchors to compare', () => {
    expect(original.documents).toHaveLength(19);
    expect(original.documents.flatMap(eids).length).toBeGreaterThan(500);
  });

  it(`editing one word in task ${EDITED_TASK} of seed 000 changes that text and no id or eId`, () => {
    const seedsDir = path.join(project.dir, 'seeds');
    const file = fs.readdirSync(seedsDir).find((name) => EDITED_SEED.test(name))!;
    const doc = original.documents.find((d) => d.sources[0].file === file)!;
    const task = tasksOf(doc.body)[EDITED_TASK - 1];
    const seedPath = path.join(seedsDir, file);
    const before = fs.readFileSync(seedPath, 'utf8');
    const lines = before.split('\n');
    // The task's last line that has a word to change: its body text, not its number.
    let lineIndex = task.lineEnd - 1;
    while (lineIndex > task.lineStart - 1 && !WORD.test(lines[lineIndex])) lineIndex--;
    lines[lineIndex] = changeOneWord(lines[lineIndex]);
    fs.writeFileSync(seedPath, lines.join('\n'));
    try {
      const edited = ingest(project);
      const editedTask = tasksOf(edited.documents.find((d) => d.id === doc.id)!.body)[EDITED_TASK - 1];
      expect(JSON.stringify(editedTask), 'the edit reached the task').not.toBe(JSON.stringify(task));
      expect(editedTask.eid).toBe(task.eid);
      expect(anchorMap(edited)).toEqual(anchorMap(original));
    } finally {
      fs.writeFileSync(seedPath, before);
    }
  });

  it('renaming the seeds into the reverse order changes no id or eId', () => {
    const seedsDir = path.join(project.dir, 'seeds');
    const names = fs.readdirSync(seedsDir).sort();
    // 000_… becomes 4_000_…, 004_… becomes 0_004_…: the last file now sorts first.
    const renamed = new Map(names.map((name, i) => [name, `${names.length - 1 - i}_${name}`]));
    for (const [from, to] of renamed) fs.renameSync(path.join(seedsDir, from), path.join(seedsDir, to));
    try {
      const reordered = ingest(project);
      expect(Object.keys(reordered.sources).sort()).toEqual([...renamed.values()].sort());
      expect(anchorMap(reordered)).toEqual(anchorMap(original));
      // Beyond ids: the documents themselves are the same, file names aside.
      const back = new Map([...renamed].map(([from, to]) => [to, from]));
      expect(withFileNames(reordered.documents, back)).toEqual(original.documents);
    } finally {
      for (const [from, to] of renamed) fs.renameSync(path.join(seedsDir, to), path.join(seedsDir, from));
    }
  });
});

/** Runs the copy's ingest and reads the corpus it wrote. */
function ingest(p: TempProject): Corpus {
  const run = p.ingest();
  if (run.status !== 0) throw new Error(`ingest in ${p.dir} failed (exit ${run.status}):\n${run.stderr.slice(-3000)}`);
  return JSON.parse(fs.readFileSync(path.join(p.dir, 'content/generated/corpus.json'), 'utf8')) as Corpus;
}

/** Document id → the eIds of its provisions and boxes in reading order. */
function anchorMap(corpus: Corpus): Record<string, string[]> {
  return Object.fromEntries(corpus.documents.map((d) => [d.id, eids(d)]));
}

function eids(doc: PolicyDocument): string[] {
  const out: string[] = [];
  walkBlocks(doc.body, (b) => {
    if (b.type === 'provision' || b.type === 'box') out.push(b.eid);
  });
  return out;
}

/**
 * Replaces one two-character word of the line with another of the same width,
 * so wrapping and numbering are untouched: the first CJK pair not at the start.
 */
function changeOneWord(line: string): string {
  const match = WORD.exec(line);
  if (!match) throw new Error(`no word to change in ${JSON.stringify(line)}`);
  const replacement = match[0] === '调整' ? '修改' : '调整';
  return line.slice(0, match.index) + replacement + line.slice(match.index + 2);
}

/** The documents with every seed file name, in fields and in messages, mapped through `names` (deep copy). */
function withFileNames(documents: PolicyDocument[], names: Map<string, string>): PolicyDocument[] {
  const rename = (text: string) => [...names].reduce((out, [from, to]) => out.split(from).join(to), text);
  return JSON.parse(JSON.stringify(documents), (_key, value: unknown) => (typeof value === 'string' ? rename(value) : value)) as PolicyDocument[];
}
