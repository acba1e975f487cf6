import { HttpError } from '../../platform/web/errors.ts';

/** Someone saved this case first: the page shows what changed. */
export const staleCase = (caseId: string) => new HttpError(409, 'stale_case', 'Someone else changed this case while you were working on it', { backTo: `/cases/${caseId}` });

/** The case is closed: nothing more is recorded on it. */
export const caseClosed = (caseId: string) => new HttpError(409, 'case_closed', 'This case is closed', { backTo: `/cases/${caseId}` });
