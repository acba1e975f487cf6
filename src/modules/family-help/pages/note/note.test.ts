import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { amendForm, noteForm, noteFrom } from './note-form.ts';

const now = new Date('2026-03-20T12:00:00Z');
const form = noteForm('2026-03-01', LocalDate.parse('2026-03-20'), now);
const occurred = { 'occurred-day': '19', 'occurred-month': '3', 'occurred-year': '2026' };
const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) => (result.success ? [] : result.error!.issues.map((i) => [String(i.path[0]), i.message]));

describe('a note', () => {
  it('asks a visit whether the child was seen, and alone, in page order', () => {
    expect(problems(form.safeParse({ kind: 'visit', childSeen: 'no', childSeenAlone: 'yes' }))).toEqual([
      ['occurred', 'Enter the date of the visit'],
      ['title', 'Enter a short title'],
      ['childSeenAlone', 'Select ‘No’ if the child was not seen at all, or change ‘Was the child seen?’ to ‘Yes’'],
      ['body', 'Enter the note'],
    ]);
  });

  it('does not ask a case note about the child being seen; an unknown kind is a case note, and anything but final a draft', () => {
    const answers = form.parse({ kind: 'letter', ...occurred, title: 'Called school', body: 'Spoke to the head', childSeen: 'yes', state: 'send' });
    expect(noteFrom(answers, answers.state)).toEqual({ version: 0, kind: 'case_note', occurredOn: '2026-03-19', title: 'Called school', body: 'Spoke to the head', childSeen: undefined, childSeenAlone: undefined, state: 'draft', recordingSeconds: 0 });
  });

  it('counts the time spent recording from when the form was shown, at most two hours', () => {
    const opened = (ms: number) => form.parse({ ...occurred, title: 'T', body: 'B', openedAt: String(now.getTime() - ms), version: '2' });
    expect(opened(90_000)).toMatchObject({ openedAt: 90, version: 2 });
    expect(opened(5 * 60 * 60 * 1000).openedAt).toBe(7200);
  });

  it('an amendment needs a reason, after the note', () => {
    const amend = amendForm('2026-03-01', LocalDate.parse('2026-03-20'), now);
    expect(amend.fields.slice(-2)).toEqual(['body', 'reason']);
    expect(problems(amend.safeParse({ ...occurred, title: 'T', body: 'B' }))).toEqual([['reason', 'Enter why you are amending the note']]);
  });
});
