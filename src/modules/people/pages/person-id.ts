import { pathId } from '../../../platform/web/path-id.ts';

export { pathId };

/** The person a page is about, from its path. */
export const personId = pathId;
