// `npm run browser`: unpack (if needed) and print the Chromium the browser tests will use.
import { resolveChromiumPath } from './browser.ts';

console.log(await resolveChromiumPath());
