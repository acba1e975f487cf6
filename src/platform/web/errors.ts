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
export const forbidden = () => new HttpError(403, 'forbidden', 'You do not have permission to see this page');

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
