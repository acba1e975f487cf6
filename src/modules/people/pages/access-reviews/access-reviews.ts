import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { choice, defineForm, text } from '../../../../platform/web/form.ts';
import { BREAK_GLASS_REASONS } from '../../break-glass-reasons.ts';
import { pathId } from '../person-id.ts';

/** A manager's review of one emergency access: whether it was appropriate, and a note if they want one. */
export const reviewForm = defineForm({
  outcome: choice(['appropriate', 'not_appropriate'] as const, 'Select whether the access was appropriate'),
  note: text('your note', { max: 1000 }),
});

type Review = Awaited<ReturnType<Deps['people']['accessReviews']>>[number];

/** Each emergency access as the page lists it: the child by name, the reason in words. */
const listed = (items: readonly Review[]) =>
  items.map((i) => ({ ...i.grant, childName: `${i.givenNames} ${i.familyName}`, reasonLabel: BREAK_GLASS_REASONS[i.grant.reasonCode as keyof typeof BREAK_GLASS_REASONS] ?? i.grant.reasonCode }));

/** Emergency accesses waiting for a manager to say whether each was appropriate. */
export function accessReviewsPage(app: FastifyInstance, deps: Deps) {
  app.get('/access-reviews', { config: { permission: 'access_reviews.manage', audit: 'access_reviews_viewed' } }, async (request, reply) => {
    const items = await deps.people.accessReviews(request.principal!);
    return reply.page('modules/people/pages/access-reviews/access-reviews.njk', {
      pageTitle: 'Access reviews',
      items: listed(items),
      reviewed: (request.query as Record<string, unknown>)['reviewed'] === '1',
    });
  });

  app.post<{ Params: { id: string } }>('/access-reviews/:id', { config: { permission: 'access_reviews.manage', audit: false } }, async (request, reply) => {
    const grantId = pathId(request.params);
    const parsed = reviewForm.safeParse(request.body ?? {});
    if (!parsed.success) {
      const items = await deps.people.accessReviews(request.principal!);
      // The page holds a form for each access: the problem is shown at the one sent.
      const { list } = errorList(parsed.error.issues.map((i) => ({ ...i, path: [`outcome-${grantId}`] })), []);
      return reply.code(400).page('modules/people/pages/access-reviews/access-reviews.njk', {
        pageTitle: 'Access reviews',
        errorList: list,
        errorFor: grantId,
        items: listed(items),
      });
    }
    await deps.people.reviewAccess(request.principal!, grantId, parsed.data);
    return reply.redirect('/access-reviews?reviewed=1', 303);
  });
}
