/**
 * The tasks of a document and how a task is named in listings. A task is a provision flagged
 * `isTask` by the anchoring stage (scripts/ingest/anchors.ts); its numbered parts (points, the
 * fields of a form-like task) belong to it and are never tasks of their own, so the walk does not
 * look for tasks inside a task. The anchoring stage never flags a provision below a task, so this
 * is also what a walk into every provision finds (tests/unit/document/tasks.test.ts checks both).
 */
import type { Block, Provision, Unit } from '../../scripts/ingest/model.ts';
import { SKIP, walkBlocks } from './walk.ts';

/** The tasks of a body in reading order (boxes' included; nothing below a task). */
export function tasksOf(body: readonly Block[]): Provision[] {
  const out: Provision[] = [];
  walkBlocks(body, (b) => {
    if (b.type !== 'provision' || !b.isTask) return;
    out.push(b);
    return SKIP;
  });
  return out;
}

/**
 * A task and its numbered parts, depth first: where a form-like task names its units and targets
 * (工作目标 / 相关单位 / 主要职责), and a task's points. A 专栏 box inside a task is an aside and
 * is left out.
 */
export function taskParts(task: Provision): Provision[] {
  const out: Provision[] = [];
  walkBlocks([task], (b) => {
    if (b.type === 'box') return SKIP;
    if (b.type === 'provision') out.push(b);
  });
  return out;
}

/** The units of a task and its parts, each name once, in reading order. */
export function taskUnits(task: Provision): Unit[] {
  const seen = new Set<string>();
  return taskParts(task).flatMap((p) => p.units.filter((u) => !seen.has(u.name) && seen.add(u.name)));
}

/** A task (or any provision) as listings name it: its anchor, citation label and heading. */
export interface TaskRef {
  eid: string;
  /** Citation label as a reader writes it: "三、（二）10.". */
  label: string;
  /** The lead title of the provision ('' when it has none). */
  heading: string;
}

/** A task of a named document, in listings across documents (department pages). */
export interface DocumentTaskRef extends TaskRef {
  document: string;
}

/** How listings name a provision. */
export function taskRef(p: Provision): TaskRef {
  return { eid: p.eid, label: p.label, heading: p.title };
}
