/**
 * 落实 from the compare stage's task alignment: a document of a lower region
 * whose tasks line up with those of a document of the region above carries it
 * out. The alignment score decides (measured on the seeds: the 市中区 2024 plan
 * and the 济南 plan of the same theme align at 0.198, 14 of 25 tasks; the other
 * district–city and city–province candidates at 0.026–0.040). The evidence is the
 * alignment, and, when the lower document has one, the sentence of its notice or
 * preamble that names the higher level's work (按照全市加快建设工业强市的工作要求).
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { HierarchyAlignment } from '../compare/hierarchy.ts';
import { textUnits } from '../concepts/text-units.ts';
import type { Evidence, Relation } from './model.ts';
import { taskRef, type TaskRef } from '../../shared/document/tasks.ts';
import { provisionsOf } from '../../shared/document/walk.ts';
import { evidenceAt, sentenceBounds } from './sentences.ts';

/** Least alignment score for 落实: about twice the best unrelated candidate of the seeds (0.040), half the true pair (0.198). */
export const CARRY_OUT_MIN_SCORE = 0.1;
/** How many matched task pairs a relation keeps as examples. */
const EXAMPLE_PAIRS = 3;
/** Words of following another level's work: 按照全市…的工作要求, 落实市委市政府部署. */
const VERB = /按照|根据|依据|落实|贯彻|对标|衔接|围绕|部署|要求/;

/** The 落实 relations the alignments support (pure). */
export function carryOutRelations(alignments: readonly HierarchyAlignment[], byId: ReadonlyMap<string, PolicyDocument>): Relation[] {
  const out: Relation[] = [];
  for (const a of alignments) {
    const lower = byId.get(a.lower);
    const higher = byId.get(a.higher);
    if (!lower || !higher || a.score < CARRY_OUT_MIN_SCORE) continue;
    const sentence = higherLevelSentence(lower, higher);
    out.push({
      kind: '落实',
      from: { id: lower.id, title: lower.meta.title.value },
      to: { id: higher.id, title: higher.meta.title.value },
      basis: 'alignment',
      evidence: sentence ? [sentence] : [],
      alignment: {
        score: a.score,
        matched: a.matched.length,
        fromTasks: a.lowerTasks,
        toTasks: a.higherTasks,
        pairs: [...a.matched]
          .sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : 1))
          .slice(0, EXAMPLE_PAIRS)
          .map((p) => ({ from: taskRefIn(lower, p.a), to: taskRefIn(higher, p.b), score: p.score })),
      },
    });
  }
  return out;
}

/** The eid, label and heading of a provision of `doc` (the eid itself as label when it has none). */
function taskRefIn(doc: PolicyDocument, eid: string): TaskRef {
  const found = provisionsOf([...doc.preamble, ...doc.body]).find((p) => p.node.eid === eid);
  return found ? taskRef(found.node) : { eid, label: eid, heading: '' };
}

/**
 * The sentence of the lower document's notice or preamble that names the higher
 * region's work (全市/市委/市政府, or the region's name) beside a verb such as
 * 按照 or 落实, preferring the one sharing the longest phrase with the higher
 * document's title; null when there is none.
 */
export function higherLevelSentence(lower: PolicyDocument, higher: PolicyDocument): Evidence | null {
  const region = higher.meta.region.value.at(-1);
  const levelChar = region?.at(-1);
  const names = [
    ...(region ? [region, region.slice(0, -1)].filter((n) => n.length >= 2) : []),
    ...(levelChar && '省市区县'.includes(levelChar) ? [`全${levelChar}`, `${levelChar}委`, `${levelChar}政府`] : []),
  ];
  if (names.length === 0) return null;
  // The lower document's own region path, written out as it appears in text: 济南市市中区.
  const ownRegions = lower.meta.region.value.map((_, i, path) => path.slice(i).join('')).filter((r) => r.length > 0);
  const title = higher.meta.title.value.replace(/[（(][^）)]*[）)]/g, '');
  let best: { evidence: Evidence; shared: number } | undefined;
  for (const unit of textUnits(lower)) {
    if (unit.region !== 'notice' && unit.region !== 'preamble') continue;
    for (const name of names) {
      for (let at = unit.text.indexOf(name); at >= 0; at = unit.text.indexOf(name, at + name.length)) {
        // 济南市 in 济南市市中区 names the lower region, and a name inside 《…》 belongs to a title.
        if (ownRegions.some((r) => unit.text.startsWith(r, at) && r !== name) || insideTitle(unit.text, at)) continue;
        const [start, end] = sentenceBounds(unit.text, at, at + name.length);
        const sentence = unit.text.slice(start, end);
        if (!VERB.test(sentence)) continue;
        const phrase = longestSharedPhrase(unit.text.slice(at, end), title);
        const shared = phrase ? phrase[1] - phrase[0] : 0;
        if (best && best.shared >= shared) continue;
        const marks: Array<[number, number]> = [[at, at + name.length]];
        if (phrase && shared >= 2) marks.push([at + phrase[0], at + phrase[1]]);
        best = { evidence: evidenceAt(unit, at, at + name.length, marks), shared };
      }
    }
  }
  return best?.evidence ?? null;
}

/** True when `at` falls inside a 《…》 title. */
function insideTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}

/** The longest run of `text` (as [start, end) in it) that also occurs in `other`; null when they share nothing. */
export function longestSharedPhrase(text: string, other: string): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 0; i < text.length; i++) {
    let len: number = (best ? best[1] - best[0] : 0) + 1;
    while (i + len <= text.length && other.includes(text.slice(i, i + len))) {
      best = [i, i + len];
      len += 1;
    }
  }
  return best;
}
