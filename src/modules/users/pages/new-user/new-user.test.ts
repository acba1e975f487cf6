import { describe, expect, it } from 'vitest';
import { newUser, newUserForm } from './new-user.ts';

const ORG = '0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const TEAM = '1c7a8d2f-3e4b-4c6d-9e0f-1a2b3c4d5e6f';
const problems = (body: Record<string, unknown>) => newUserForm.safeParse(body).error?.issues.map((i) => [i.path[0], i.message]);

describe('a new account', () => {
  it('is a username (lower case), their name, a role, an organisation, teams with a profession, and a password or none', () => {
    const answers = newUserForm.parse({ username: 'Sam.Jones', displayName: 'Sam Jones', role: 'social_worker', organisation: ORG, teams: [TEAM, TEAM], profession: 'Social worker', password: '' });
    expect(newUser(answers)).toEqual({ username: 'sam.jones', displayName: 'Sam Jones', role: 'social_worker', organisationId: ORG, teamIds: [TEAM], profession: 'Social worker', password: undefined });
    expect(newUserForm.parse({ username: 'sam', displayName: 'Sam', role: 'police_partner', organisation: ORG, profession: 'ignored' }).profession).toBeUndefined();
  });

  it('reports every problem in page order', () => {
    expect(problems({ username: 'a', displayName: '123', role: 'king', organisation: 'x', teams: ['nope'], password: 'short' })).toEqual([
      ['username', 'The username must be between 3 and 64 characters'],
      ['displayName', 'Their full name must include letters'],
      ['role', 'Select a role'],
      ['organisation', 'Select an organisation'],
      ['teams', 'Select teams from the list'],
      ['profession', 'Enter their profession in the team'],
      ['password', 'The password must be 12 characters or more'],
    ]);
  });

  it('takes the password exactly as typed', () => {
    expect(newUserForm.parse({ username: 'sam', displayName: 'Sam', role: 'social_worker', organisation: ORG, password: '  a long pass phrase  ' }).password).toBe('  a long pass phrase  ');
  });
});
