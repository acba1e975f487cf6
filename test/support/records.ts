// Helpers shared by the tests that drive the app and read what it stored (test/db, and the browser
// journeys that set their cases up through the app's services): rows as a superuser sees them,
// users by username, GOV.UK date fields and the fields an error summary links to.
import type { Principal } from '../../src/platform/auth/service.ts';
import type { TestApp } from './app.ts';

/** The rows a query returns, run as the database superuser (no row-level security). */
export const rowsOf = async (t: TestApp, sql: string, params: unknown[] = []) => (await t.db.superuser((c) => c.query(sql, params))).rows;

/** The id of the user account with this username. */
export const userIdOf = async (t: TestApp, username: string) => (await rowsOf(t, 'select id from user_account where username = $1', [username]))[0]!['id'] as string;

/** The user with this username as a signed-in principal, for calling the app's services directly. */
export const principalOf = async (t: TestApp, username: string, organisation = 'Demo'): Promise<Principal> => {
  const [u] = await rowsOf(t, 'select id, username, display_name, role from user_account where username = $1', [username]);
  return { userId: String(u!['id']), username, displayName: String(u!['display_name']), role: u!['role'] as Principal['role'], laCode: '999', organisation, sessionHash: 'x' };
};

/** A GOV.UK date input's form fields (`<prefix>-day`, `-month`, `-year`) for an ISO date, as a browser sends them. */
export const dateFields = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y! };
};

/** The ids of the fields the page's error summary links to, in order. */
export const summaryFields = (body: string) => [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '').matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
