import { resolveChromiumPath } from './browser.ts';

/** Unpack the browser once, before parallel test files race to do it. */
export default async function setup() {
  if (process.env.VITEST_SKIP_BROWSER === 'true') return;
  await resolveChromiumPath();
}
