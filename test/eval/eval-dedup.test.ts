import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJudge, PAIRS_DIR, readPairs, scorePairs, TARGET_PRECISION, TARGET_RECALL } from './eval-dedup';

describe('story clusterer on the labelled pairs (npm run eval:dedup)', () => {
  const judge = createJudge();

  it('meets the targets on the tuning pairs: precision >= 0.99, recall >= 0.90', () => {
    const scores = scorePairs(readPairs(join(PAIRS_DIR, 'pairs.json')), judge);
    expect(scores.precision).toBeGreaterThanOrEqual(TARGET_PRECISION);
    expect(scores.recall).toBeGreaterThanOrEqual(TARGET_RECALL);
  });

  it('keeps its measured floor on the held-out pairs (precision >= 0.94, recall >= 0.80; the targets are not met there)', () => {
    const scores = scorePairs(readPairs(join(PAIRS_DIR, 'pairs-heldout.json')), judge);
    expect(scores.precision).toBeGreaterThanOrEqual(0.94);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('joins every constructed wire copy and merges no same-template pair', () => {
    const all = [...readPairs(join(PAIRS_DIR, 'pairs.json')), ...readPairs(join(PAIRS_DIR, 'pairs-heldout.json'))];
    const copies = scorePairs(all.filter((p) => p.kind === 'syndicated'), judge);
    const templates = scorePairs(all.filter((p) => p.kind === 'template-negative'), judge);
    expect(copies.falseNegatives).toBe(0);
    expect(copies.truePositives).toBeGreaterThan(20);
    expect(templates.falsePositives).toBe(0);
  });
});
