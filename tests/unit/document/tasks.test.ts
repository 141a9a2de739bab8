import { describe, expect, it } from 'vitest';
import type { Block } from '../../../scripts/ingest/model.ts';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { taskParts, taskRef, tasksOf, taskUnits } from '../../../shared/document/tasks.ts';
import { provisionsOf } from '../../../shared/document/walk.ts';
import { box, para, prov } from './fixtures.ts';

describe('tasksOf', () => {
  it('lists the tasks of a body in reading order, those in boxes and under sections included', () => {
    const body: Block[] = [
      prov('sec_1', [prov('item_1', [], { isTask: true }), box('box_1', [prov('box_1__item_1', [], { isTask: true })])]),
      prov('item_2', [], { isTask: true }),
    ];
    expect(tasksOf(body).map((t) => t.eid)).toEqual(['item_1', 'box_1__item_1', 'item_2']);
  });

  it('does not look for tasks inside a task: its numbered parts belong to it', () => {
    const body: Block[] = [prov('item_1', [prov('item_1__point_1', [], { isTask: true })], { isTask: true })];
    expect(tasksOf(body).map((t) => t.eid)).toEqual(['item_1']);
  });

  it('finds the same tasks as a walk into every provision on the ingested seeds (no task holds another)', () => {
    const { documents } = ingestDirectory('seeds', 'content/curated');
    for (const doc of documents) {
      const flagged = provisionsOf(doc.body)
        .filter((p) => p.node.isTask)
        .map((p) => p.node.eid);
      expect(
        tasksOf(doc.body).map((t) => t.eid),
        doc.id,
      ).toEqual(flagged);
    }
  });
});

describe('taskParts', () => {
  it('gives a task and its numbered parts depth first, leaving out a box inside it', () => {
    const task = prov('item_1', [para('text'), prov('point_1', [prov('clause_1')]), box('box_1', [prov('box_1__item_1')]), prov('point_2')], { isTask: true });
    expect(taskParts(task).map((p) => p.eid)).toEqual(['item_1', 'point_1', 'clause_1', 'point_2']);
  });
});

describe('taskUnits', () => {
  it("gives the units of a task and its parts in reading order, each name once (a form-like task's 相关单位 field)", () => {
    const task = prov('item_1', [prov('field_1', [], { units: ['市工信局', '市财政局'] }), prov('field_2', [], { units: ['市财政局', '市商务局'] })], {
      isTask: true,
      units: ['市发改委'],
    });
    expect(taskUnits(task).map((u) => u.name)).toEqual(['市发改委', '市工信局', '市财政局', '市商务局']);
  });
});

describe('taskRef', () => {
  it('names a provision by its eid, citation label and heading', () => {
    expect(taskRef(prov('item_3', [], { title: '推进数字化改造' }))).toEqual({ eid: 'item_3', label: 'label of item_3', heading: '推进数字化改造' });
  });
});
