import { z } from 'zod';
import { field, textAnswer, versionField, type Problem } from '../../platform/web/form-fields.ts';
import type { RecordKind } from '../../platform/access/policy.ts';

/** What each record kind means, as the privacy officer and managers choose between them. */
export const RECORD_KIND_CHOICES: Record<RecordKind, { text: string; hint: string }> = {
  ordinary: { text: 'Ordinary', hint: 'Open to those who work with the child, as usual' },
  restricted: { text: 'Restricted', hint: 'For a member of staff’s family or a case in the news: only the access list opens it; search says a restricted record exists' },
  sealed: { text: 'Sealed', hint: 'For an adopted child: only the access list knows it exists' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One change to who may open a record: its kind, or one person on or off its access list. */
export type AccessChange =
  | { action: 'kind'; version: number; kind: RecordKind; reason: string }
  | { action: 'add'; version: number; userId: string; reason: string }
  | { action: 'remove'; version: number; userId: string };

export const ACCESS_FIELDS = ['kind', 'kindReason', 'userId', 'addReason'] as const;

export const accessForm = z.object({ action: field, version: versionField, kind: field, kindReason: field, userId: field, addReason: field }).transform((form, ctx): AccessChange => {
  const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (form.action === 'kind') {
    const kind = form.kind === 'ordinary' || form.kind === 'restricted' || form.kind === 'sealed' ? form.kind : undefined;
    if (!kind) problem('kind', 'Select who may open this record');
    const reason = textAnswer(problem, form.kindReason, 'kindReason', 'why', { required: true, max: 500 });
    return { action: 'kind', version: form.version, kind: kind ?? 'ordinary', reason: reason ?? '' };
  }
  const userId = form.userId && UUID.test(form.userId) ? form.userId : undefined;
  if (form.action === 'remove') {
    if (!userId) problem('userId', 'Select who to take off the list');
    return { action: 'remove', version: form.version, userId: userId ?? '' };
  }
  if (!userId) problem('userId', 'Select who to add to the list');
  const reason = textAnswer(problem, form.addReason, 'addReason', 'why they need it', { required: true, max: 500, oneLine: true });
  return { action: 'add', version: form.version, userId: userId ?? '', reason: reason ?? '' };
});
