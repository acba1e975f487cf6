import type { LocalDate } from '@js-joda/core';
import { date, defineForm, notAsked, text, yesNo, type Earlier } from '../../../../platform/web/form.ts';
import { field } from '../../../../platform/web/form-fields.ts';
import { NOTE_KIND_LABELS, type NoteKind } from '../../case-codes.ts';
import { isCode } from '../../codes.ts';
import type { NoteInput } from '../../case-notes.ts';
import { recordingSeconds, seenAlone, versionOrNew } from '../fields.ts';

const isVisit = ({ kind }: Earlier) => kind === 'visit';

/**
 * A note's fields, as its form sends them: the kind and version (hidden), when the form was
 * shown (`openedAt`, for the time spent recording), the date, a title, for a visit whether the
 * child was seen (and alone), what happened; saved as a draft or as final (the button pressed).
 */
const noteFields = (referralDate: string, today: LocalDate, now: Date) => ({
  kind: field.transform((kind): NoteKind => (isCode(NOTE_KIND_LABELS, kind) ? kind : 'case_note')),
  version: versionOrNew, // a new note has none; an unreadable one is stale
  openedAt: recordingSeconds(now),
  occurred: (a: Earlier) => date(isVisit(a) ? 'of the visit' : 'it happened', { today, earliest: { date: referralDate, what: 'the referral' } }),
  title: text('a short title', { required: true, max: 200, oneLine: true }),
  childSeen: (a: Earlier) => (isVisit(a) ? yesNo('Select whether the child was seen') : notAsked),
  childSeenAlone: (a: Earlier) => (isVisit(a) ? seenAlone(a['childSeen']) : notAsked),
  body: text('the note', { required: true, max: 20000 }),
});

/** A note, new or a draft carried on: saved as final if that button was pressed, otherwise as a draft. */
export const noteForm = (referralDate: string, today: LocalDate, now: Date) =>
  defineForm({ ...noteFields(referralDate, today, now), state: field.transform((state) => (state === 'final' ? ('final' as const) : ('draft' as const))) });

/** A final note amended: the note's fields, and why (kept with it for anyone who reads it later). */
export const amendForm = (referralDate: string, today: LocalDate, now: Date) =>
  defineForm({ ...noteFields(referralDate, today, now), reason: text('why you are amending the note', { required: true, max: 2000 }) });

/** A note's answers as the service takes them. */
export const noteFrom = (answers: { kind: NoteKind; version: number; openedAt: number; occurred: string; title: string; body: string; childSeen: boolean | undefined; childSeenAlone: boolean | undefined }, state: NoteInput['state']): NoteInput => ({
  version: answers.version,
  kind: answers.kind,
  occurredOn: answers.occurred,
  title: answers.title,
  body: answers.body,
  childSeen: answers.childSeen,
  childSeenAlone: answers.childSeenAlone,
  state,
  recordingSeconds: answers.openedAt,
});
