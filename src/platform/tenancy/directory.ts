import type { Database } from '../db/client.ts';
import { listAuthorities } from './repository.ts';

type Authority = Awaited<ReturnType<typeof listAuthorities>>[number];

/**
 * Authority names for page headers. Authorities change rarely (a new tenant is onboarded by
 * a command), so the list is read once and again only when a code is not found.
 */
export function createAuthorityDirectory(database: Database) {
  let cache: Promise<Map<string, Authority>> | undefined;
  const load = (refresh = false) => {
    if (refresh || !cache) {
      cache = listAuthorities(database.db)
        .then((rows) => new Map(rows.map((r) => [r.code, r])))
        .catch((error: unknown) => {
          cache = undefined; // a passing database fault must not break every page until restart
          throw error;
        });
    }
    return cache;
  };
  async function find(code: string) {
    return (await load()).get(code) ?? (await load(true)).get(code);
  }
  return {
    async name(code: string): Promise<string> {
      return (await find(code))?.name ?? 'Children’s services';
    },
    /** The number families can call the authority's front door on, if it has given one. */
    async contactPhone(code: string): Promise<string | undefined> {
      return (await find(code))?.contactPhone ?? undefined;
    },
    async isDemo(code: string): Promise<boolean> {
      return (await find(code))?.isDemo ?? false;
    },
    /** The name shown before sign-in: the authority, when this deployment serves only one. */
    async defaultName(): Promise<string> {
      const all = [...(await load()).values()];
      return all.length === 1 ? all[0]!.name : 'Children’s services';
    },
  };
}
