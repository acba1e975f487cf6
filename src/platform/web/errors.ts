/** Few error types with stable ids; one handler turns them into pages (see app.ts). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly id: string,
    message: string,
    /** What the error page may say beyond "no" (never record content). */
    readonly pageContext: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = () => new HttpError(404, 'not_found', 'Page not found');
/** A form that could not have come from the page (a hidden field changed): nothing is saved. */
export const badForm = () => new HttpError(400, 'bad_form', 'Sorry, there is a problem with this request');
export const forbidden = () => new HttpError(403, 'forbidden', 'You do not have permission to see this page');

/**
 * PostgreSQL's answers when two writes meet: a unique value taken first (23505), a serialisation
 * failure (40001) or a deadlock (40P01). Whatever the service did not foresee, the user sees the
 * conflict page — nothing saved — never a server error.
 */
const WRITE_CONFLICT_CODES = new Set(['23505', '40001', '40P01']);

export function isWriteConflict(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (WRITE_CONFLICT_CODES.has(String((e as { code?: unknown }).code))) return true;
  }
  return false;
}

/** History brought from another system (a census import) that breaks a rule the module keeps: nothing is saved. */
export const invalidHistory = (message: string) => new HttpError(422, 'invalid_history', message);

export const writeConflict = () => new HttpError(409, 'write_conflict', 'Someone else saved at the same moment');

/** The audit trail could not be written: the request fails and no record data is sent. */
export class AuditUnavailableError extends HttpError {
  constructor(cause: unknown) {
    super(500, 'audit_unavailable', 'The audit trail could not be written');
    this.cause = cause;
  }
}

/** One field error: the GOV.UK error summary links to the field by its id. */
export interface FieldError {
  text: string;
  href: string;
}

/**
 * Turns Zod issues into the GOV.UK error summary list, in the order the fields appear on the
 * page (`fieldOrder`), one message per field.
 */
export function errorList(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fieldOrder: readonly string[],
): { list: FieldError[]; byField: Record<string, { text: string }> } {
  const byField: Record<string, { text: string }> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (!(field in byField)) byField[field] = { text: issue.message };
  }
  const ordered = [...fieldOrder.filter((f) => f in byField), ...Object.keys(byField).filter((f) => !fieldOrder.includes(f))];
  return { list: ordered.map((f) => ({ text: byField[f]!.text, href: `#${f}` })), byField };
}
