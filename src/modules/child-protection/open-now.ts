import type { ChildProtectionService } from './service.ts';

export type Overview = Awaited<ReturnType<ChildProtectionService['overview']>>;

/**
 * What is open on a case now: the discussion waiting, the enquiry waiting for its conference, the
 * plan, the discussion its sharing is for, and whether an extra-familial harm plan is due to be
 * started. One rule, for the child protection page and for which of its forms apply.
 */
export function openNow(view: Pick<Overview, 'discussions' | 'enquiries' | 'conferences' | 'plans'>) {
  const discussion = view.discussions.find((d) => !d.decidedAt);
  const heldEnquiries = new Set(view.conferences.map((k) => k.enquiryId));
  const enquiry = view.enquiries.find((e) => (e.outcome === null || e.outcome === 'conference') && !heldEnquiries.has(e.id));
  const plan = view.plans.find((p) => !p.endedOn);
  // Sharing for a discussion lasts until its enquiry's conference: the agencies contribute to both.
  const sharingDiscussion = discussion ?? (enquiry?.discussionId ? view.discussions.find((d) => d.id === enquiry.discussionId) : undefined);
  // After a strategy discussion that decided on a plan for harm outside the home.
  const efhPlanDue = !plan && !enquiry && view.discussions.filter((d) => d.decidedAt).at(-1)?.decision === 'extra_familial_harm';
  return { discussion, enquiry, plan, sharingDiscussion, efhPlanDue };
}
