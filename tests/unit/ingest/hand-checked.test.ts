/**
 * Responsible units and targets against the hand-checked set
 * (tests/fixtures/hand-checked/, written down from the source text): prints the
 * shares and holds them to the goals of the units-and-targets work.
 */
import { describe, expect, it } from 'vitest';
import { formatExtraction, readHandChecked, runPipeline, scoreTargets, scoreUnits } from '../../../scripts/bench/extraction.ts';

const hand = readHandChecked();
const pipeline = runPipeline();
const units = scoreUnits(hand.tasks, pipeline);
const targets = scoreTargets(hand.targets, pipeline, hand.notTargets);
const shareOf = (s: { right: number; total: number }) => s.right / s.total;

describe('the hand-checked set', () => {
  it('prints the figures and what the pipeline misses', () => {
    console.log([...formatExtraction(units, targets), '', 'Misses:', ...units.misses, ...targets.misses].join('\n'));
    expect(hand.tasks.length).toBeGreaterThanOrEqual(60);
    expect(hand.targets.length).toBeGreaterThanOrEqual(60);
  });

  it('covers several documents of the seeds and of the development corpus', () => {
    const files = new Set([...hand.tasks, ...hand.targets].map((e) => e.file));
    expect([...files].filter((f) => /^\d{3}_/.test(f)).length).toBeGreaterThanOrEqual(3);
    expect([...files].filter((f) => /^\d{2}_/.test(f)).length).toBeGreaterThanOrEqual(3);
  });

  it('gives exactly the responsible units of at least 95% of tasks, clause-given units included', () => {
    expect(shareOf(units.exact)).toBeGreaterThanOrEqual(0.95);
    expect(shareOf(units.fromClauses)).toBeGreaterThanOrEqual(0.95);
  });

  it('gives the roles the text states, and none it does not', () => {
    expect(shareOf(units.roles)).toBeGreaterThanOrEqual(0.95);
    expect(units.invented).toBe(0);
  });

  it('finds at least 95% of the targets, with value, unit and year right for at least 95%', () => {
    expect(shareOf(targets.found)).toBeGreaterThanOrEqual(0.95);
    expect(shareOf(targets.valueUnitYear)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads no past figure or grant as a target', () => {
    expect(targets.falseTargets.right).toBe(targets.falseTargets.total);
  });
});
