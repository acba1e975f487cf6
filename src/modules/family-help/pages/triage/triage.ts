import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { errorList, notFound } from '../../../../platform/web/errors.ts';
import { formatDate, optionsFrom } from '../../../../platform/web/views.ts';
import { RELATIVE_CHOICES } from '../../../people/relationship-types.ts';
import { PRIMARY_NEEDS, REFERRAL_SOURCES } from '../../codes.ts';
import { ASKER_LABELS, BASIS_LABELS, CONSENT_LABELS, DECISION_LABELS, FAMILY_KNOWS } from '../../front-door-codes.ts';
import { decisionForm, decisionInput, namedRows, RELATIVE_ROWS } from './decision-form.ts';

const idParams = z.object({ id: z.uuid() });

type Triage = Awaited<ReturnType<Deps['frontDoor']['forTriage']>>;
type Match = Triage['matches'][number];
type RelativeMatch = NonNullable<ReturnType<Triage['relativeMatches']['get']>>[number];

/** As a template's `| escape` writes text into HTML. */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };
const escapeHtml = (text: string) => text.replace(/[&"'<>\\]/g, (c) => HTML_ESCAPES[c]!);

/** Whether the form holds this answer (as `choiceItems` marks it). */
const holds = (current: unknown, value: string) => (Array.isArray(current) ? current : [current]).includes(value);

/** Who a likely match is, in a line: born when, where, and why they match. */
const described = (m: { dateOfBirth: string | null; postcode?: string | null | undefined; why: string }) =>
  `${m.dateOfBirth ? `Born ${formatDate(m.dateOfBirth)}` : 'Date of birth not known'}${m.postcode ? `, ${m.postcode}` : ''}. ${m.why}`;
const checkLink = (requestId: string, personId: string) =>
  `<a class="govuk-link" href="/front-door/${requestId}/people/${personId}" target="_blank" rel="noopener">Check who this is (opens in new tab)</a>`;
const named = (m: { name: string; legalName?: string | null | undefined }) => m.name + (m.legalName ? ` (legal name ${m.legalName})` : '');

/** The child's likely matches as radios, each with a way to check who they are, then "none of these". */
export function personItems(view: Pick<Triage, 'request' | 'matches'>, current: unknown) {
  const r = view.request;
  const matches = view.matches.map((m: Match) => {
    const hint = described(m) + (m.openCase ? `. Open Family Help case, led by ${m.openCase.leadPractitionerName}: this request will join it` : '');
    return { value: m.id, text: named(m), hint: { html: `${escapeHtml(hint)}. ${checkLink(r.id, m.id)}` }, checked: holds(current, m.id) };
  });
  const none = { value: 'new', text: `None of these: record ${r.childGivenNames} ${r.childFamilyName} as new`, checked: holds(current, 'new') };
  return [...matches, ...(matches.length ? [{ divider: 'or' }] : []), none];
}

/** A named person's likely matches as radios (none: no question), then "someone new". */
export function relativeMatchItems(requestId: string, found: readonly RelativeMatch[] | undefined, current: unknown) {
  if (!found?.length) return undefined;
  return [
    ...found.map((m) => ({ value: m.id, text: named(m), hint: { html: `${escapeHtml(`${described(m)}.`)} ${checkLink(requestId, m.id)}` }, checked: holds(current, m.id) })),
    { divider: 'or' },
    { value: 'new', text: 'None of these: someone new', checked: holds(current, 'new') },
  ];
}

/**
 * The rows for the people a request names, as the page shows them: the person who asked first (when
 * the page offers to add them), then the others, each with its likely matches as radios.
 */
export function factRows(view: Pick<Triage, 'request' | 'factsAsked'>, matchItems: (row: number) => ReturnType<typeof relativeMatchItems>) {
  const r = view.request;
  const askerOffered = view.factsAsked.includes('asker');
  return RELATIVE_ROWS.map((n) => {
    const isAsker = n === 1 && askerOffered;
    return {
      prefix: `r${n}`,
      isAsker,
      legend: isAsker ? `The person who asked: ${r.submitterName}` : `${askerOffered ? 'Someone else the request names' : 'Someone the request names'}: person ${askerOffered ? n - 1 : n} (optional)`,
      askerHint: isAsker ? (r.submitterRelationship ? `They said: “${ASKER_LABELS[r.submitterRelationship as keyof typeof ASKER_LABELS]}”` : `Recorded as: ${REFERRAL_SOURCES[r.source as keyof typeof REFERRAL_SOURCES]}`) : undefined,
      /** The first row for someone other than the asker says what the rows are for. */
      firstOther: !isAsker && (n === RELATIVE_ROWS[0] || (n === RELATIVE_ROWS[1] && askerOffered)),
      matchItems: matchItems(n),
    };
  });
}

/** What the banner says once the decision is recorded: the case it opened or joined, and a strategy discussion convened. */
export function decidedBanner(view: Pick<Triage, 'request' | 'leadName'>) {
  const r = view.request;
  if (!(r.caseId && view.leadName)) return 'The decision was recorded';
  return `The decision was recorded. The Family Help case is open, led by ${view.leadName}${r.decision === 'strategy_discussion' ? '. A strategy discussion is convened: it waits for a Child Protection Lead Practitioner to take it' : ''}`;
}

const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

const DECISION_OPTIONS = optionsFrom(
  Object.fromEntries(Object.entries(DECISION_LABELS).map(([code, d]) => [code, d.text])),
  Object.fromEntries(Object.entries(DECISION_LABELS).map(([code, d]) => [code, d.hint])),
);
const NEED_OPTIONS = Object.entries(PRIMARY_NEEDS)
  .filter(([code]) => code !== 'N0')
  .map(([value, text]) => ({ value, text: `${value}: ${text}` }));
const RELATIONSHIP_OPTIONS = Object.entries(RELATIVE_CHOICES).map(([value, c]) => ({ value, text: c.text }));

/** A request for help, and the triager's decision on it: who the child is, what goes on the record, what happens next. */
export function triagePage(app: FastifyInstance, deps: Deps) {
  /** The triage page: on a posted form's return, its own values, and the likely matches for the names as typed. */
  const showTriage = async (reply: FastifyReply, requestId: string, context: Record<string, unknown>, posted?: Record<string, unknown>) => {
    const principal = reply.request.principal!;
    const view = await deps.frontDoor.forTriage(principal, requestId);
    const person = typeof posted?.['person'] === 'string' ? posted['person'] : undefined;
    const relativeMatches = posted && !view.request.decidedAt ? await deps.frontDoor.likelyRelatives(principal, namedRows(posted), person) : view.relativeMatches;
    const values: Record<string, unknown> = posted ?? view.factDefaults;
    return reply.page('modules/family-help/pages/triage/triage.njk', {
      pageTitle: `Request for help: ${view.request.childGivenNames} ${view.request.childFamilyName}`,
      backLink: '/front-door',
      ...view,
      personItems: personItems(view, values['person']),
      factRows: factRows(view, (n) => relativeMatchItems(view.request.id, relativeMatches.get(n), values[`r${n}Match`])),
      decidedBanner: decidedBanner(view),
      yesNo: YES_NO,
      relativeChoices: RELATIONSHIP_OPTIONS,
      sourceLabels: REFERRAL_SOURCES,
      askerLabels: ASKER_LABELS,
      familyKnowsLabels: FAMILY_KNOWS,
      decisions: DECISION_OPTIONS,
      decisionLabels: DECISION_LABELS,
      consents: optionsFrom(CONSENT_LABELS),
      consentLabels: CONSENT_LABELS,
      bases: optionsFrom(BASIS_LABELS),
      needs: NEED_OPTIONS,
      values,
      decided: (reply.request.query as Record<string, unknown>)['decided'] === '1',
      ...context,
    });
  };

  app.get('/front-door/:id', { config: { permission: 'requests.triage', audit: false } }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) throw notFound();
    return showTriage(reply, params.data.id, {});
  });

  app.post('/front-door/:id/decision', { config: { permission: 'requests.triage', audit: false } }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = decisionForm(todayInEngland(deps.clock));
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return showTriage(reply.code(400), params.data.id, { errorList: list, errors: byField }, body);
    }
    const input = decisionInput(parsed.data);
    // Someone the request names may already be known: nothing is written until the triager says who they are.
    const { facts } = input;
    const toChoose = await deps.frontDoor.matchesToChoose(request.principal!, facts?.relatives ?? [], input.person === 'new' ? undefined : input.person);
    if (toChoose.size > 0) {
      const issues = [...toChoose.keys()].map((row) => {
        const r = facts!.relatives.find((x) => x.row === row)!;
        return { path: [`r${row}Match`], message: `Select whether ${r.givenNames} ${r.familyName} is one of the people already known, or someone new` };
      });
      const { list, byField } = errorList(issues, form.fields);
      return showTriage(reply.code(400), params.data.id, { errorList: list, errors: byField }, body);
    }
    const decided = await deps.frontDoor.decide(request.principal!, params.data.id, input);
    // Back to the decided request (it links to the case): a triager outside the lead's team may not open the case itself.
    return reply.redirect(decided.caseId ? `/front-door/${params.data.id}?decided=1` : '/front-door?decided=1', 303);
  });
}
