/**
 * Teams and who works in them, for the users module's account administration: Family Help keeps
 * the team tables, and this is how another module reads and changes memberships.
 */
export { membershipsOf, setMemberships, teamsOf } from './repository.ts';
