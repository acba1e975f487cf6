import { describe, expect, it } from 'vitest';
import { changeAccountForm, changeTeamsForm } from './role.ts';

const ORG = '0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const TEAM = '1c7a8d2f-3e4b-4c6d-9e0f-1a2b3c4d5e6f';

describe('changing an account', () => {
  it('is its role, organisation and teams, from the version the form was opened at', () => {
    expect(changeAccountForm.parse({ role: 'team_manager', organisation: ORG, teams: TEAM, profession: 'Manager', was: 'abc' })).toEqual({ role: 'team_manager', organisation: ORG, teams: [TEAM], profession: 'Manager', was: 'abc' });
    expect(changeAccountForm.safeParse({ role: 'nobody', organisation: ORG, teams: [TEAM] }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['role', 'Select a role'],
      ['profession', 'Enter their profession in the team'],
    ]);
  });

  it('for a single sign-on account is its teams only', () => {
    expect(changeTeamsForm.parse({ role: 'team_manager', teams: [], profession: 'dropped', was: 'abc' })).toEqual({ teams: [], profession: undefined, was: 'abc' });
  });
});
