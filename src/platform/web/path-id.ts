import { z } from 'zod';
import { notFound } from './errors.ts';

const idParams = z.object({ id: z.uuid() });

/**
 * What a page is about (a case, a person, a share), from the `:id` in its path. A malformed id is
 * "not found", exactly like a record that does not exist or is sealed.
 */
export function pathId(params: unknown): string {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
}
