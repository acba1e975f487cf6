// Compiles src/assets/app.scss to public/app.css (committed, so `npm start` needs no build step).
// Run after changing the SCSS or upgrading govuk-frontend: `npm run build:css`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as sass from 'sass';

const root = path.resolve(import.meta.dirname, '..');
const result = sass.compile(path.join(root, 'src/assets/app.scss'), {
  loadPaths: [path.join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
writeFileSync(path.join(root, 'public/app.css'), result.css + '\n');
console.log(`public/app.css: ${result.css.length} bytes`);
