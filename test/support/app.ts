import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import type { FakeClock} from '../../src/platform/clock.ts';
import { systemClock, type Clock } from '../../src/platform/clock.ts';
import { seedDemoAuthority } from '../../src/seed/demo.ts';
import { testDatabase, type TestDatabase } from './db.ts';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  db: TestDatabase;
  clock: Clock;
  /** Signs in through the real sign-in form and returns the cookies to send. */
  signIn(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: FakeClock;
  env?: Record<string, string>;
  logs?: string[];
  deps?: (deps: Deps) => Deps;
}

/** The real app on a fresh database with the demo authority seeded. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await testDatabase();
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: options.logs ? 'info' : 'silent', ...options.env });
  const clock = options.clock ?? systemClock;
  let deps = createDeps(config, db.database, clock);
  await seedDemoAuthority(db.database, deps.audit, { password: TEST_PASSWORD });
  if (options.deps) deps = options.deps(deps);
  const logs = options.logs;
  const app = await buildApp(deps, logs ? { logDestination: { write: (line) => void logs.push(line) } } : {});
  return {
    app,
    deps,
    db,
    clock,
    signIn: (username, password = TEST_PASSWORD) => signInWithForm(app, username, password),
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** A browser's cookie jar, for app.inject(). */
export class Session {
  readonly cookies = new Map<string, string>();

  /** `remoteAddress`: the computer the requests come from (another family's, for the public page's limit). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress?: string,
  ) {}

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  absorb(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      const expired = c.maxAge === 0 || (c.expires instanceof Date && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.absorb(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header() }, ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}) }));
  }

  /** Posts a form with the CSRF token from `formUrl` (the page the form is on). A list is sent as repeated fields (checkboxes). */
  async post(url: string, fields: Record<string, string | readonly string[]>, formUrl = url): Promise<LightMyRequestResponse> {
    const page = await this.get(formUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return this.postRaw(url, { _csrf: token, ...fields });
  }

  async postRaw(url: string, fields: Record<string, string | readonly string[]>): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) form.append(name, v);
    return this.absorb(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
        ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      }),
    );
  }
}

export async function signInWithForm(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const session = new Session(app);
  const response = await session.post('/sign-in', { username, password }, '/sign-in');
  if (response.statusCode !== 303) throw new Error(`Sign-in as ${username} failed: ${response.statusCode}`);
  return session;
}
