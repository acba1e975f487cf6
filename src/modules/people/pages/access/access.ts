import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import type { RecordKind } from '../../../../platform/access/policy.ts';
import { ROLE_LABELS, isRole } from '../../../../platform/access/roles.ts';
import { field } from '../../../../platform/web/form-fields.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { choice, defineForm, notAsked, text, version, type Earlier } from '../../../../platform/web/form.ts';
import type { AccessChange } from '../../service.ts';
import { chosenId } from '../../../../platform/web/form.ts';
import { personId } from '../person-id.ts';

/** What each record kind means, as the privacy officer and managers choose between them. */
export const RECORD_KIND_CHOICES: Record<RecordKind, { text: string; hint: string }> = {
  ordinary: { text: 'Ordinary', hint: 'Open to those who work with the child, as usual' },
  restricted: { text: 'Restricted', hint: 'For a member of staff’s family or a case in the news: only the access list opens it; search says a restricted record exists' },
  sealed: { text: 'Sealed', hint: 'For an adopted child: only the access list knows it exists' },
};

/** Which of the page's three forms was sent: the record's kind, taking someone off the list, or (anything else) adding someone. */
const action = field.transform((value) => (value === 'kind' ? 'kind' : value === 'remove' ? 'remove' : 'add'));

/** One change to who may open a record: its kind (and why), or one person on or off its access list (and why they need it). */
export const accessForm = defineForm({
  action,
  version: version(),
  kind: ({ action }: Earlier) => (action === 'kind' ? choice(Object.keys(RECORD_KIND_CHOICES) as RecordKind[], 'Select who may open this record') : notAsked),
  kindReason: ({ action }: Earlier) => (action === 'kind' ? text('why', { required: true, max: 500 }) : notAsked),
  userId: ({ action }: Earlier) => (action === 'kind' ? notAsked : chosenId(action === 'remove' ? 'Select who to take off the list' : 'Select who to add to the list')),
  addReason: ({ action }: Earlier) => (action === 'add' ? text('why they need it', { required: true, max: 500, oneLine: true }) : notAsked),
});

/** The change the form's answers ask for. */
export function accessChange(answers: z.infer<typeof accessForm>): AccessChange {
  const { version } = answers;
  if (answers.action === 'kind') return { action: 'kind', version, kind: answers.kind!, reason: answers.kindReason! };
  if (answers.action === 'remove') return { action: 'remove', version, userId: answers.userId! };
  return { action: 'add', version, userId: answers.userId!, reason: answers.addReason! };
}

type Settings = Awaited<ReturnType<Deps['people']['accessSettings']>>;

/** Who may open a record: its kind and access list (the privacy officer, or the manager of the team holding the case). */
export function accessPage(app: FastifyInstance, deps: Deps) {
  const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);
  const show = (reply: FastifyReply, settings: Settings, context: { values?: Record<string, unknown>; saved?: boolean; errorList?: unknown; errors?: unknown }) => {
    const values = context.values ?? {};
    return reply.page('modules/people/pages/access/access.njk', {
      pageTitle: `Who can open ${settings.name}’s record`,
      backLink: `/people/${settings.id}`,
      settings,
      // Sealing is the privacy officer's: a manager is not offered it.
      kinds: Object.entries(RECORD_KIND_CHOICES)
        .filter(([value]) => value !== 'sealed' || settings.canSeal)
        .map(([value, choice]) => ({ value, text: choice.text, hint: { text: choice.hint }, checked: value === settings.kind })),
      list: settings.list.map((entry) => ({ ...entry, roleLabel: roleLabel(entry.role) })),
      // Who may be added: anyone in the authority not on the list (the one chosen before kept chosen).
      people: [
        { value: '', text: 'Choose someone' },
        ...settings.candidates.map((c) => ({ value: c.id, text: `${c.displayName} – ${roleLabel(c.role)}, ${c.organisationName}`, selected: values['userId'] === c.id && values['action'] === 'add' })),
      ],
      ...context,
      values,
    });
  };

  app.get('/people/:id/access', { config: { permission: 'record.restrict', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    request.auditChildId = id;
    const query = request.query as Record<string, unknown>;
    return show(reply, await deps.people.accessSettings(request.principal!, id), { saved: query['saved'] === '1' });
  });

  app.post('/people/:id/access', { config: { permission: 'record.restrict', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    request.auditChildId = id;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = accessForm.safeParse(body);
    if (!parsed.success) {
      const settings = await deps.people.accessSettings(request.principal!, id); // errors only for those who may change it
      const { list, byField } = errorList(parsed.error.issues, accessForm.fields);
      return show(reply.code(400), settings, { values: body, errorList: list, errors: byField });
    }
    await deps.people.changeAccess(request.principal!, id, accessChange(parsed.data));
    return reply.redirect(`/people/${id}/access?saved=1`, 303);
  });
}
