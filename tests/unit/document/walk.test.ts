import { describe, expect, it } from 'vitest';
import type { Block } from '../../../scripts/ingest/model.ts';
import { enclosingProvision, provisionsOf, SKIP, walkBlocks } from '../../../shared/document/walk.ts';
import { box, para, prov } from './fixtures.ts';

const body: Block[] = [para('preamble'), prov('sec_1', [prov('item_1', [para('text of item 1')]), box('box_1', [prov('box_1__item_1')])]), prov('sec_2')];

const name = (b: Block) => (b.type === 'paragraph' ? b.text : b.type === 'table' ? 'table' : b.eid);

describe('walkBlocks', () => {
  it('visits every block depth first in reading order, into provisions and boxes', () => {
    const seen: string[] = [];
    walkBlocks(body, (b) => void seen.push(name(b)));
    expect(seen).toEqual(['preamble', 'sec_1', 'item_1', 'text of item 1', 'box_1', 'box_1__item_1', 'sec_2']);
  });

  it('gives each block its enclosing provisions and boxes, outermost first', () => {
    const seen: Array<[string, string[]]> = [];
    walkBlocks(body, (b, ancestors) => void seen.push([name(b), ancestors.map(name)]));
    expect(seen).toContainEqual(['text of item 1', ['sec_1', 'item_1']]);
    expect(seen).toContainEqual(['box_1__item_1', ['sec_1', 'box_1']]);
    expect(seen).toContainEqual(['sec_2', []]);
  });

  it('leaves the children of a block unvisited when the visitor returns SKIP', () => {
    const seen: string[] = [];
    walkBlocks(body, (b) => {
      seen.push(name(b));
      if (b.type === 'provision' && b.eid === 'sec_1') return SKIP;
    });
    expect(seen).toEqual(['preamble', 'sec_1', 'sec_2']);
  });
});

describe('provisionsOf', () => {
  it('lists every provision with its depth, a box counting as a level', () => {
    expect(provisionsOf(body).map((p) => [p.node.eid, p.depth])).toEqual([
      ['sec_1', 1],
      ['item_1', 2],
      ['box_1__item_1', 3],
      ['sec_2', 1],
    ]);
  });
});

describe('enclosingProvision', () => {
  it('finds the nearest provision around a block, passing over boxes', () => {
    const found: Array<[string, string | undefined]> = [];
    walkBlocks(body, (b, ancestors) => void found.push([name(b), enclosingProvision(ancestors)?.eid]));
    expect(found).toContainEqual(['box_1__item_1', 'sec_1']);
    expect(found).toContainEqual(['preamble', undefined]);
  });
});
