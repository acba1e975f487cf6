/**
 * @deprecated The decision's code tables are in front-door-codes.ts and its form beside the triage
 * page (pages/triage/decision-form.ts). Kept for the case pages' imports until they move.
 */
export { BASIS_LABELS, DECISION_LABELS } from './front-door-codes.ts';
