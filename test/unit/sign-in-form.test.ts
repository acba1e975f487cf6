import { describe, expect, it } from 'vitest';
import { errorList } from '../../src/platform/web/errors.ts';
import { safeReturnTo, signInForm } from '../../src/modules/sign-in/form.ts';

describe('safeReturnTo', () => {
  it.each(['/users?x=1', '/', '/children/123#plan', '/my-work'])('accepts the local path %j', (value) => {
    expect(safeReturnTo(value)).toBe(value);
  });

  it.each([
    ['//evil.example'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['https://evil.example'],
    ['http://evil.example/users'],
    ['javascript:alert(1)'],
    ['evil.example'],
    ['users'],
    [''],
  ])('refuses %j', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it.each([[undefined], [null], [42], [['/users']], [{ toString: () => '/users' }]])('refuses the non-string %j', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it.each(['/sign-in', '/sign-in?returnTo=/users', '/sign-in/oidc/callback', '/sign-out'])(
    'refuses %j, which would loop back through sign-in or out',
    (value) => {
      expect(safeReturnTo(value)).toBe('/');
    },
  );

  it('refuses a path that browsers turn into another site', () => {
    expect(new URL('/\t/evil.example', 'https://homes.example').host).toBe('evil.example');
    for (const value of ['/\t/evil.example', '/\n/evil.example', '/\r\\evil.example']) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });
});

describe('signInForm', () => {
  it('trims the username but not the password', () => {
    const parsed = signInForm.safeParse({ username: '  sworker  ', password: ' secret ' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ username: 'sworker', password: ' secret ' });
  });

  it('leaves returnTo to safeReturnTo, so an overlong one can never block sign-in', () => {
    const parsed = signInForm.safeParse({ username: 'a', password: 'b', returnTo: `/${'x'.repeat(5000)}` });
    expect(parsed.success).toBe(true);
    expect(safeReturnTo(`/${'x'.repeat(5000)}`)).toBe('/');
  });

  it('reports both missing fields, in page order', () => {
    const parsed = signInForm.safeParse({ username: '', password: '' });
    expect(parsed.success).toBe(false);
    const { list } = errorList(parsed.error?.issues ?? [], signInForm.fields);
    expect(list).toEqual([
      { text: 'Enter your username', href: '#username' },
      { text: 'Enter your password', href: '#password' },
    ]);
  });

  it('treats a username of only spaces as missing', () => {
    const parsed = signInForm.safeParse({ username: '   ', password: 'pw' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['username', 'Enter your username']]);
  });

  it('reports fields that are absent altogether', () => {
    const parsed = signInForm.safeParse({});
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error?.issues.map((i) => i.path[0]))).toEqual(new Set(['username', 'password']));
  });

  it('limits the username to 200 characters and the password to 1,000', () => {
    expect(signInForm.safeParse({ username: 'a'.repeat(200), password: 'p'.repeat(1000) }).success).toBe(true);
    const tooLong = signInForm.safeParse({ username: 'a'.repeat(201), password: 'p'.repeat(1001) });
    expect(tooLong.error?.issues.map((i) => i.message)).toEqual([
      'Username must be 200 characters or fewer',
      'Password must be 1,000 characters or fewer',
    ]);
  });
});
