import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { CONTROL_CHARACTERS, field, readVersion } from '../../../../platform/web/form-fields.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { choice, defineForm, notAsked, type Earlier } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { IDENTITY_DETAIL_LABELS, IDENTITY_SHARING_CHOICES } from '../../identity.ts';
import type { IdentityForm } from '../../service.ts';
import { IDENTITY_DETAIL_KINDS, IDENTITY_SHARING, type IdentityDetailKind, type IdentitySharing } from '../../tables.ts';
import { personId } from '../person-id.ts';

/** Each detail as a sentence names it. */
const IN_A_SENTENCE: Record<IdentityDetailKind, string> = {
  preferred_name: 'the name they use',
  pronouns: 'their pronouns',
  gender_identity: 'their gender identity',
  sexual_orientation: 'their sexual orientation',
};

/** The record's version the form was opened at: a stale save is a conflict, never an overwrite. */
const recordVersion = z.unknown().transform((value, ctx) => {
  const version = readVersion(value) ?? 0;
  if (version >= 1) return version;
  ctx.addIssue({ code: 'custom', message: 'The form has expired: open it again from the record' });
  return z.NEVER;
});

/** One detail in the child's words: at most 100 characters on one line; left empty, it is removed (null). */
const detail = (kind: IdentityDetailKind) =>
  field.transform((value, ctx): string | null => {
    if (!value) return null;
    const problem = value.length > 100 ? 'must be 100 characters or fewer' : CONTROL_CHARACTERS.test(value) ? 'must only include letters, numbers and punctuation' : undefined;
    if (!problem) return value;
    ctx.addIssue({ code: 'custom', message: `${IDENTITY_DETAIL_LABELS[kind]} ${problem}` });
    return z.NEVER;
  });

type Details = { [K in IdentityDetailKind]: z.ZodType<string | null | undefined> } & { [K in `${IdentityDetailKind}-shared`]: (earlier: Earlier) => z.ZodType<IdentitySharing | undefined> };

/**
 * The "what they want people to know" form: each detail and who may see it. Only the kinds the
 * worker was offered (`offered`) are read: a detail the worker may not see is never changed by
 * their save. Who may see a detail is asked only when there is one.
 */
export const identityForm = (offered: readonly IdentityDetailKind[]) =>
  defineForm({
    version: recordVersion,
    ...(Object.fromEntries(
      IDENTITY_DETAIL_KINDS.flatMap((kind) => [
        [kind, offered.includes(kind) ? detail(kind) : notAsked],
        [`${kind}-shared`, (earlier: Earlier) => (offered.includes(kind) && earlier[kind] !== null ? choice(IDENTITY_SHARING, `Select who they want to see ${IN_A_SENTENCE[kind]}`) : notAsked)],
      ]),
    ) as Details),
  });

/** The details to save, from the form's answers: a value and who may see it, nothing (removed), or not offered (left as it is). */
export function identityChange(answers: z.infer<ReturnType<typeof identityForm>>, offered: readonly IdentityDetailKind[]): IdentityForm {
  const details: IdentityForm['details'] = {};
  for (const kind of offered) {
    const value = answers[kind];
    const sharedWith = answers[`${kind}-shared`];
    details[kind] = value ? { value, sharedWith: sharedWith ?? 'told' } : null;
  }
  return { version: answers.version, details };
}

type Editing = Awaited<ReturnType<Deps['people']['identityForEditing']>>;

/** What someone else saved, beside what this worker entered: each detail, and who they shared it with. */
const savedRows = (editing: Editing, conflict: Record<string, string>) =>
  editing.offered.map((kind) => {
    const value = conflict[kind];
    const shared = conflict[`${kind}-shared`] ?? '';
    const sharedWith = (IDENTITY_SHARING_CHOICES as Record<string, string>)[shared] ?? shared;
    return { key: { text: IDENTITY_DETAIL_LABELS[kind] }, value: { text: value ? `${value} (shared with: ${sharedWith})` : 'Nothing recorded' } };
  });

/** What the child wants people to know, said once, and who may see each detail. */
export function identityPage(app: FastifyInstance, deps: Deps) {
  const show = (reply: FastifyReply, editing: Editing, context: { values?: Record<string, unknown>; conflict?: Record<string, string>; errorList?: unknown; errors?: unknown }) =>
    reply.page('modules/people/pages/identity/identity.njk', {
      pageTitle: `What ${editing.name} wants people to know`,
      backLink: `/people/${editing.id}`,
      editing,
      kinds: editing.offered.map((kind) => ({ kind, label: IDENTITY_DETAIL_LABELS[kind] })),
      sharing: optionsFrom(IDENTITY_SHARING_CHOICES),
      values: editing.values,
      ...context,
      ...(context.conflict ? { savedRows: savedRows(editing, context.conflict) } : {}),
    });

  app.get('/people/:id/identity', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    return show(reply, await deps.people.identityForEditing(request.principal!, id), {});
  });

  app.post('/people/:id/identity', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const editing = await deps.people.identityForEditing(request.principal!, id);
    const form = identityForm(editing.offered);
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return show(reply.code(400), editing, { values: body, errorList: list, errors: byField });
    }
    const result = await deps.people.saveIdentity(request.principal!, id, identityChange(parsed.data, editing.offered));
    if ('saved' in result) return reply.redirect(`/people/${id}?identity=1`, 303);
    // Someone saved first: their version beside this worker's, and the form ready to save again over theirs.
    return show(reply.code(409), result.conflict, { values: { ...body, version: String(result.conflict.version) }, conflict: result.conflict.values });
  });
}
