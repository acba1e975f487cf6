import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import type { Principal } from '../../../platform/auth/service.ts';
import type { Form } from '../../../platform/web/form.ts';
import { pageForm } from '../../../platform/web/page-form.ts';
import { optionsFrom } from '../../../platform/web/views.ts';
import {
  AGENCIES,
  CATEGORY_LABELS,
  CHILD_VIEWS_HOW,
  CONSENT_STATES,
  ENQUIRY_OUTCOME_LABELS,
  HARM_CONTEXT_KIND_LABELS,
  LAWFUL_BASES,
  PLAN_END_REASONS,
  PLAN_KIND_LABELS,
  SHARE_PURPOSE_LABELS,
  STRATEGY_DECISION_LABELS,
} from '../codes.ts';
import { openNow, type Overview } from '../open-now.ts';
import { pathId } from '../../../platform/web/path-id.ts';

export type { Overview };

/** The record a page is about, from its path (anything but an id is not a page). */
export const idOf = pathId;

/** A code table's codes (its keys), for a form's `choice`. */
export const codesOf = <K extends string>(table: Readonly<Record<K, unknown>>) => Object.keys(table) as K[];

/** A code table as a page's options: plain labels, or labels with hints (`{ text, hint }`). */
export function options(table: Readonly<Record<string, string | { text: string; hint?: string }>>) {
  const entries = Object.entries(table);
  return optionsFrom(
    Object.fromEntries(entries.map(([code, l]) => [code, typeof l === 'string' ? l : l.text])),
    Object.fromEntries(entries.flatMap(([code, l]) => (typeof l !== 'string' && l.hint ? [[code, l.hint]] : []))),
  );
}

/** The words the child protection pages show codes in. */
export const LABELS = {
  agencyLabels: AGENCIES,
  categoryLabels: CATEGORY_LABELS,
  planKindLabels: PLAN_KIND_LABELS,
  contextKindLabels: HARM_CONTEXT_KIND_LABELS,
  decisionLabels: STRATEGY_DECISION_LABELS,
  outcomeLabels: ENQUIRY_OUTCOME_LABELS,
  purposeLabels: SHARE_PURPOSE_LABELS,
  lawfulBases: LAWFUL_BASES,
  consentStates: CONSENT_STATES,
  endReasons: PLAN_END_REASONS,
  viewsHow: CHILD_VIEWS_HOW,
};

/**
 * A form on the case's child protection page, at `/cases/:id/child-protection/{path}`: for its
 * workers (record) or its Child Protection Lead Practitioner (decide), while what it is about is
 * open (otherwise there is no such page). Saved, it goes back to the child protection page with a
 * banner saying what was saved.
 */
export function cpForm<T>(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  spec: {
    template: string;
    title: string;
    right: 'canRecord' | 'canDecide';
    /** The open item the form is about (none: the form does not apply now, 404). */
    target: (view: Overview) => unknown;
    context?: (view: Overview, principal: Principal) => Promise<Record<string, unknown>> | Record<string, unknown>;
    form: (view: Overview, context: Record<string, unknown>) => Form<T>;
    save: (principal: Principal, view: Overview, input: T) => Promise<unknown>;
    saved: string;
  },
) {
  pageForm(app, {
    path: `/cases/:id/child-protection/${path}`,
    // A decision form is the Child Protection Lead Practitioner's: no other role reaches it at all.
    permission: spec.right === 'canDecide' ? 'cp.decide' : 'record.open',
    load: (principal, request) => deps.childProtection.overview(principal, idOf(request.params)),
    allowed: (view) => view[spec.right] && !!spec.target(view),
    template: spec.template,
    title: spec.title,
    context: async (view, principal) => ({ backLink: `/cases/${view.c.id}/child-protection`, ...openNow(view), ...LABELS, ...(await spec.context?.(view, principal)) }),
    form: spec.form,
    save: spec.save,
    done: (view) => `/cases/${view.c.id}/child-protection?saved=${spec.saved}`,
  });
}
