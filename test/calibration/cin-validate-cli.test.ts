// `npx stable-homes returns validate`: the counts by rule, the CSV report beside the file, and an
// exit code a data team's script can rely on (1 when there are errors, 0 when there are none).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cinCensus, cpPlan, episode, NEED, NFA } from '../builders/cin.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'cin-validate-'));
const validate = (xml: string, name: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  const run = spawnSync(process.execPath, ['bin/stable-homes.js', 'returns', 'validate', file, '--year', '2024-25'], { cwd: ROOT, encoding: 'utf8' });
  return { ...run, report: path.join(dir, name.replace(/\.xml$/, '-report.csv')) };
};

describe('returns validate', () => {
  it('prints the errors by rule, writes the CSV report and exits 1 when a rule is broken', () => {
    const run = validate(cinCensus({ episode: episode(NEED), details: NFA + cpPlan('2024-06-20', '2024-06-20') }), 'broken.xml');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Structure: valid against the 2024-25 schema');
    expect(run.stdout).toMatch(/Rules: 109 checked; 3 errors/); // 8840, and a plan with no conference (2883, 2885)
    expect(run.stdout).toMatch(/8840 +error +1 +Child Protection Plan cannot start and end on the same day/);
    const rows: string[][] = parse(readFileSync(run.report, 'utf8'), {});
    expect(rows[0]).toEqual(['Rule', 'Type', 'LA child ID', 'Referral date', 'Fields', 'Message']);
    expect(rows).toContainEqual(['8840', 'Error', 'DB000123', '2024-06-03', 'ChildProtectionPlans CPPstartDate CPPendDate', 'Child Protection Plan cannot start and end on the same day']);
  }, 30_000);

  it('exits 0 for a census with no errors, and 1 for a file that is not valid against the schema', () => {
    expect(validate(cinCensus(), 'clean.xml').status).toBe(0);
    const invalid = validate(cinCensus().replace('<Sex>F</Sex>', '<GenderCurrent>2</GenderCurrent>'), 'invalid.xml');
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toMatch(/Structure: \d+ problems against the 2024-25 schema/);
  }, 30_000);
});
