import type { Database } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { claimSubmission, completeSubmission, findSubmission, releaseSubmission } from './repository.ts';

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The one-time token a form carries (`_submission`), if it is one. */
export function submissionToken(body: unknown): string | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)['_submission'] : undefined;
  return typeof value === 'string' && TOKEN.test(value) ? value : undefined;
}

/** Who sent a public form (nobody is signed in): one sender for all, so a token is all that tells sendings apart. */
const PUBLIC_SENDER_ID = '00000000-0000-0000-0000-000000000000';

/** The sender of a form on a public page of an authority, if the route is one. */
export const publicSender = (laCode: string | undefined) => (laCode ? { laCode, userId: PUBLIC_SENDER_ID } : undefined);

export type Claim = { first: true } | { first: false; location: string | null };

/** Form submissions by their one-time tokens: the first is acted on; a repeat goes where the first went. */
export function createSubmissions(database: Database, clock: Clock) {
  return {
    async claim(laCode: string, userId: string, token: string): Promise<Claim> {
      return database.tenant(laCode, async (tx) => {
        if (await claimSubmission(tx, { laCode, token, userId, submittedAt: clock.now() })) return { first: true };
        const first = await findSubmission(tx, laCode, token);
        // Another user's token (copied from their page) is never theirs to replay.
        return { first: false, location: first && first.userId === userId ? first.location : null };
      });
    },
    complete: (laCode: string, token: string, location: string) => database.tenant(laCode, (tx) => completeSubmission(tx, laCode, token, location)),
    release: (laCode: string, token: string) => database.tenant(laCode, (tx) => releaseSubmission(tx, laCode, token)),
  };
}

export type Submissions = ReturnType<typeof createSubmissions>;
