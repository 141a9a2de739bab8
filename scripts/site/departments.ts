/**
 * The department index: every responsible unit named in any task, with the
 * tasks it is responsible for, its role in each, and the clause that names it
 * (a task's own clause, or "以下均需…落实，不再列出" written once for later tasks).
 * Names are kept exactly as written, so 区工业和信息化局 and 市工业和信息化局
 * are different units.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { taskRef } from '../../shared/document/tasks.ts';
import { provisionsOf } from '../../shared/document/walk.ts';
import type { Department, DepartmentTask } from './site-model.ts';
import { comparePinyin, pinyinSlug, uniqueSlugs } from '../urls/slug.ts';

/** Builds departments sorted by pinyin; each task listed once per unit. */
export function buildDepartments(documents: PolicyDocument[]): Department[] {
  const tasksByName = new Map<string, DepartmentTask[]>();
  for (const doc of documents) {
    for (const { node } of provisionsOf(doc.body)) {
      for (const unit of node.units) {
        const list = tasksByName.get(unit.name) ?? [];
        list.push({ document: doc.id, ...taskRef(node), role: unit.role, evidence: unit.evidence });
        tasksByName.set(unit.name, list);
      }
    }
  }
  const slugs = uniqueSlugs([...tasksByName.keys()], pinyinSlug);
  return [...tasksByName].map(([name, tasks]) => ({ name, slug: slugs.get(name)!, tasks })).sort((a, b) => comparePinyin(a.name, b.name));
}
