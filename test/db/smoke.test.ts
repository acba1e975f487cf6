import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('smoke', () => {
  it('signs in and shows My work', async () => {
    const s = await t.signIn('family.help');
    const res = await s.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('My work');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
