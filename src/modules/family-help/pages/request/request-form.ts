import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { field } from '../../../../platform/web/form-fields.ts';
import { choice, defineForm, fromDateInput, notAsked, readFrom, text, type Earlier } from '../../../../platform/web/form.ts';
import { isCode, REFERRAL_SOURCES, type ReferralSource } from '../../codes.ts';
import { FAMILY_KNOWS, PUBLIC_ASKERS, type PublicAsker, type RequestChannel } from '../../front-door-codes.ts';
import type { RequestDetails } from '../../front-door.ts';
import { dateOfBirth, emailAddress, phoneNumber, postcode } from '../front-door-fields.ts';

/** A value the form does not ask for, known from what came before (the referral source a public asker means). */
const known = <T>(value: T): z.ZodType<T> => z.unknown().transform(() => value);

/** A parent, or the young person themselves, asking: the family knows. */
const familyAsking = (asker: unknown) => asker === 'parent' || asker === 'young_person';

/** A one-line answer, at most `max` characters. */
const line = (label: string, { required = false, max = 100 } = {}) => text(label, { required, max, oneLine: true });
const requiredLine = (label: string) => text(label, { required: true, max: 100, oneLine: true });

/**
 * A request for help, as each front-door form sends it. The public form asks who is asking
 * and how to reach them; the partner form knows who is asking; staff recording a call choose
 * the referral source. Every problem is reported in page order.
 */
export const requestForm = (channel: RequestChannel, today: LocalDate, partnerSources: readonly ReferralSource[] = []) =>
  defineForm({
    /** The public page's honeypot: a field people never see. Filled in, the request is dropped. */
    website: field.transform(Boolean),
    asker: channel === 'public' ? choice(Object.keys(PUBLIC_ASKERS) as PublicAsker[], 'Select who you are') : notAsked,
    source: ({ asker }: Earlier): z.ZodType<ReferralSource | undefined> =>
      channel === 'public' ? known(isCode(PUBLIC_ASKERS, asker) ? PUBLIC_ASKERS[asker].source : undefined)
      : channel === 'staff' ? choice(REFERRAL_SOURCES, 'Select who the request came from')
      : partnerSources.length > 1 ? choice(partnerSources, 'Select which service you work in')
      : known(partnerSources[0]),
    submitterName: line(channel === 'public' ? 'your name' : 'the name of the person asking', { required: channel !== 'partner' }),
    submitterOrganisation: channel === 'staff' ? line('their organisation') : notAsked,
    // Read with the email address beside it: one of the two is needed on the public form.
    submitterPhone: readFrom((body) => ({ phone: body['submitterPhone'], email: body['submitterEmail'] }), phoneNumber(channel === 'public' ? { neither: 'Enter a phone number or an email address, so we can contact you' } : {})),
    submitterEmail: channel === 'public' ? emailAddress() : notAsked,
    childGivenNames: requiredLine('the child’s first name'),
    childFamilyName: requiredLine('the child’s last name'),
    dob: fromDateInput(dateOfBirth({
      incomplete: 'Date of birth must include a day, month and year',
      latest: { date: today.plusMonths(10), message: 'Date of birth must be in the past, or an expected date in the next 10 months' },
      earliest: { date: today.minusYears(25), message: 'Date of birth must be for a child or young person under 25' },
    })),
    childAddress: line('the address', { max: 200 }),
    childPostcode: postcode(),
    otherChildren: text('other children'),
    concerns: text(channel === 'public' ? 'what is happening' : 'what the concerns are', { required: true }),
    helpWanted: text('what help would make a difference'),
    // A parent or the young person asking need not say; the family knows.
    familyKnows: ({ asker }: Earlier): z.ZodType<keyof typeof FAMILY_KNOWS> =>
      channel === 'public' && familyAsking(asker)
        ? field.transform((value) => (isCode(FAMILY_KNOWS, value) ? value : 'yes'))
        : choice(FAMILY_KNOWS, 'Select whether the family knows about this request'),
  });

export type RequestAnswers = z.infer<ReturnType<typeof requestForm>>;

/** The request as the front door records it. */
export const requestDetails = ({ website, asker, dob, ...answers }: RequestAnswers): RequestDetails => ({
  ...answers,
  asker,
  childDateOfBirth: dob,
  honeypot: website,
});
