import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/seed/demo.ts';
import { Session, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.ts';

const logs: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ logs });
});
afterAll(() => t.close());

describe('logs', () => {
  it('carry no personal data, passwords or session tokens through a whole run', async () => {
    const tokens: string[] = [];
    for (const user of DEMO_USERS) {
      const s = await t.signIn(user.username);
      tokens.push(s.cookies.get('sh_session')!);
      for (const url of ['/', '/users', '/audit', '/accessibility', '/no-such-page']) await s.get(url);
      await s.post('/sign-out', {}, '/');
    }
    const anonymous = new Session(t.app);
    await anonymous.post('/sign-in', { username: 'priya.shah@example.org', password: 'Wrong password 1985-04-12' }, '/sign-in');
    await anonymous.post('/sign-in', { username: 'family.help', password: 'not the password' }, '/sign-in');
    await anonymous.get('/users?name=Priya%20Shah&dob=2015-04-12&nhs=9434765919');

    const output = logs.join('');
    expect(logs.length).toBeGreaterThan(100);
    const forbidden = [
      ...DEMO_USERS.flatMap((u) => [u.displayName, ...u.displayName.split(' ').filter((w) => w.length > 3)]),
      TEST_PASSWORD,
      'priya.shah@example.org',
      'Wrong password',
      '2015-04-12',
      '9434765919',
      ...tokens.map((c) => c.split('.')[0]!),
    ];
    for (const value of forbidden) expect(output, `logs contain "${value}"`).not.toContain(value);
  });

  it('keep the values of a failed query out of error logs', async () => {
    const s = await t.signIn('family.help');
    await t.db.superuser((c) => c.query('REVOKE INSERT ON audit_event FROM stable_homes_app'));
    const before = logs.length;
    try {
      expect((await s.get('/')).statusCode).toBe(500);
    } finally {
      await t.db.superuser((c) => c.query('GRANT INSERT ON audit_event TO stable_homes_app'));
    }
    const errorLines = logs.slice(before).join('');
    expect(errorLines).toContain('"level":50');
    expect(errorLines).toContain('42501'); // the SQLSTATE is kept: enough to diagnose
    for (const value of ['family.help', 'Priya', 'family_help_practitioner', 'Demo Borough Council', 'params']) {
      expect(errorLines, value).not.toContain(value);
    }
  });

  it('keep a failed query\'s parameters out of the stack too (drizzle puts them on the second line)', async () => {
    const broken = await startTestApp({
      logs,
      deps: (deps) => ({
        ...deps,
        users: {
          ...deps.users,
          list: async () => {
            throw new Error('Failed query: select * from user_account where name = $1\nparams: Secretname Witheld,1999-01-01');
          },
        },
      }),
    });
    try {
      const before = logs.length;
      expect((await (await broken.signIn('team.manager')).get('/users')).statusCode).toBe(500);
      const lines = logs.slice(before).join('');
      expect(lines).toContain('"level":50');
      expect(lines).not.toContain('Secretname');
      expect(lines).not.toContain('1999-01-01');
    } finally {
      await broken.close();
    }
  });

  it('writes one valid JSON object per line, whatever the input (no log injection)', async () => {
    const anonymous = new Session(t.app);
    await anonymous.post('/sign-in', { username: 'a\nb\r\u001b[31m{"json":1}', password: 'x\n{"level":60}' }, '/sign-in');
    for (const line of logs.join('').split('\n').filter(Boolean)) {
      expect(() => JSON.parse(line), line.slice(0, 80)).not.toThrow();
    }
  });
});
