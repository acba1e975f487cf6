import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { EARLIEST_YEAR, field, readDateInput, textAnswer } from '../../platform/web/form-fields.ts';
import { isCode, REFERRAL_SOURCES, type ReferralSource } from './codes.ts';


/** The referral sources a partner's role can be: one (police, a school), or a choice (health services). */
export const PARTNER_SOURCES: Partial<Record<string, readonly ReferralSource[]>> = {
  police_partner: ['6'],
  school_partner: ['2A'],
  health_partner: ['3A', '3B', '3C', '3D', '3E', '3F'],
};

/** Who is asking, on the public page, and the CIN referral source each means. */
export const PUBLIC_ASKERS = {
  parent: { text: 'I am their parent or carer', source: '1A' },
  young_person: { text: 'I am the young person, asking for myself', source: '1C' },
  relative: { text: 'I am a relative or family friend', source: '1A' },
  neighbour: { text: 'I am a neighbour or someone who knows the family', source: '1B' },
  other: { text: 'Someone else', source: '1D' },
} as const satisfies Record<string, { text: string; source: ReferralSource }>;

export const FAMILY_KNOWS = { yes: 'Yes', no: 'No', not_sure: 'I’m not sure' } as const;

export type RequestChannel = 'public' | 'partner' | 'staff';

export interface RequestDetails {
  source: ReferralSource | undefined;
  asker: keyof typeof PUBLIC_ASKERS | undefined;
  submitterName: string | undefined;
  submitterOrganisation: string | undefined;
  submitterPhone: string | undefined;
  submitterEmail: string | undefined;
  childGivenNames: string;
  childFamilyName: string;
  childDateOfBirth: string | undefined;
  childAddress: string | undefined;
  childPostcode: string | undefined;
  otherChildren: string | undefined;
  concerns: string;
  helpWanted: string | undefined;
  familyKnows: keyof typeof FAMILY_KNOWS | undefined;
  /** The public page's honeypot: a field people never see. Filled in, the request is dropped. */
  honeypot: boolean;
}

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+\d][\d ()-]{6,19}$/;

/**
 * A request for help, as each front-door form sends it. The public form asks who is asking
 * and how to reach them; the partner form knows who is asking; staff recording a call choose
 * the referral source. Every problem is reported in page order.
 */
export function requestForm(channel: RequestChannel, today: LocalDate, partnerSources: readonly ReferralSource[] = []) {
  return z
    .object({
      asker: field,
      source: field,
      submitterName: field,
      submitterOrganisation: field,
      submitterPhone: field,
      submitterEmail: field,
      childGivenNames: field,
      childFamilyName: field,
      'dob-day': field,
      'dob-month': field,
      'dob-year': field,
      childAddress: field,
      childPostcode: field,
      otherChildren: field,
      concerns: field,
      helpWanted: field,
      familyKnows: field,
      website: field,
    })
    .transform((form, ctx): RequestDetails => {
      const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const line = (value: string | undefined, path: string, label: string, { required = false, max = 100 } = {}) => textAnswer(problem, value, path, label, { required, max, oneLine: true });
      const text = (value: string | undefined, path: string, label: string, required: boolean) => textAnswer(problem, value, path, label, { required });

      let asker: RequestDetails['asker'];
      let source: ReferralSource | undefined;
      if (channel === 'public') {
        asker = isCode(PUBLIC_ASKERS, form.asker) ? form.asker : undefined;
        if (!asker) problem('asker', 'Select who you are');
        else source = PUBLIC_ASKERS[asker].source;
      } else if (channel === 'staff' || partnerSources.length > 1) {
        const allowed: readonly string[] = channel === 'staff' ? Object.keys(REFERRAL_SOURCES) : partnerSources;
        source = isCode(REFERRAL_SOURCES, form.source) && allowed.includes(form.source) ? form.source : undefined;
        if (!source) problem('source', channel === 'staff' ? 'Select who the request came from' : 'Select which service you work in');
      } else {
        source = partnerSources[0];
      }
      const submitterName = line(form.submitterName, 'submitterName', channel === 'public' ? 'your name' : 'the name of the person asking', { required: channel !== 'partner' });
      const submitterOrganisation = channel === 'staff' ? line(form.submitterOrganisation, 'submitterOrganisation', 'their organisation') : undefined;
      let submitterPhone = line(form.submitterPhone, 'submitterPhone', 'a phone number', { max: 20 });
      if (submitterPhone && !PHONE.test(submitterPhone)) {
        problem('submitterPhone', 'Enter a phone number, like 01632 960 001 or 07700 900 982');
        submitterPhone = undefined;
      }
      let submitterEmail = channel === 'public' ? line(form.submitterEmail, 'submitterEmail', 'an email address', { max: 254 }) : undefined;
      if (submitterEmail && !EMAIL.test(submitterEmail)) {
        problem('submitterEmail', 'Enter an email address in the correct format, like name@example.com');
        submitterEmail = undefined;
      }
      if (channel === 'public' && !form.submitterPhone && !form.submitterEmail) problem('submitterPhone', 'Enter a phone number or an email address, so we can contact you');

      const childGivenNames = line(form.childGivenNames, 'childGivenNames', 'the child’s first name', { required: true });
      const childFamilyName = line(form.childFamilyName, 'childFamilyName', 'the child’s last name', { required: true });
      let childDateOfBirth: string | undefined;
      const dob = readDateInput(form['dob-day'], form['dob-month'], form['dob-year']);
      if (dob.kind === 'incomplete') problem('dob', 'Date of birth must include a day, month and year');
      else if (dob.kind === 'invalid') problem('dob', 'Date of birth must be a real date, like 3 3 2015');
      else if (dob.kind === 'too_early') problem('dob', `Date of birth must be in ${EARLIEST_YEAR} or later`);
      else if (dob.kind === 'date') {
        if (dob.date.isAfter(today.plusMonths(10))) problem('dob', 'Date of birth must be in the past, or an expected date in the next 10 months');
        else if (dob.date.isBefore(today.minusYears(25))) problem('dob', 'Date of birth must be for a child or young person under 25');
        else childDateOfBirth = dob.date.toString();
      }
      const childAddress = line(form.childAddress, 'childAddress', 'the address', { max: 200 });
      let childPostcode = line(form.childPostcode, 'childPostcode', 'the postcode', { max: 8 });
      if (childPostcode && !POSTCODE.test(childPostcode)) {
        problem('childPostcode', 'Enter a real postcode, like DB1 4AB');
        childPostcode = undefined;
      }
      const otherChildren = text(form.otherChildren, 'otherChildren', 'other children', false);
      const concerns = text(form.concerns, 'concerns', channel === 'public' ? 'what is happening' : 'what the concerns are', true);
      const helpWanted = text(form.helpWanted, 'helpWanted', 'what help would make a difference', false);
      const familyKnows = isCode(FAMILY_KNOWS, form.familyKnows) ? form.familyKnows : undefined;
      if (!familyKnows && !(channel === 'public' && (asker === 'parent' || asker === 'young_person'))) problem('familyKnows', 'Select whether the family knows about this request');

      return {
        source,
        asker,
        submitterName,
        submitterOrganisation,
        submitterPhone,
        submitterEmail,
        childGivenNames: childGivenNames ?? '',
        childFamilyName: childFamilyName ?? '',
        childDateOfBirth,
        childAddress,
        childPostcode: childPostcode?.toUpperCase().replace(/^(.+?)\s*(\d[A-Z]{2})$/, '$1 $2'),
        otherChildren,
        concerns: concerns ?? '',
        helpWanted,
        familyKnows: familyKnows ?? (asker === 'parent' || asker === 'young_person' ? 'yes' : undefined),
        honeypot: Boolean(form.website),
      };
    });
}


export const REQUEST_FIELDS = [
  'asker',
  'source',
  'submitterName',
  'submitterOrganisation',
  'submitterPhone',
  'submitterEmail',
  'childGivenNames',
  'childFamilyName',
  'dob',
  'childAddress',
  'childPostcode',
  'otherChildren',
  'concerns',
  'helpWanted',
  'familyKnows',
] as const;
