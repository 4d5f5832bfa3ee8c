import { describe, expect, it } from 'vitest';
import { AppError } from '../src/domain/errors';
describe('smoke', () => {
  it('runs', () => {
    expect(new AppError(400, 'x', 'y').status).toBe(400);
  });
});
