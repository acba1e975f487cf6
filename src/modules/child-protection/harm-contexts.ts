import { randomUUID } from 'node:crypto';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import { forbidden, notFound } from '../../platform/web/errors.ts';
import { permittedOnly } from '../people/service.ts';
import * as read from './protection-read-model.ts';
import * as repo from './repository.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * Harm outside the home: the authority's contexts (places, peer groups, online spaces) and the
 * children linked to them. Part of the child protection service.
 */
export function harmContexts({ database, audit, peopleService, today, withCase }: ServiceContext) {
  return {
    /** The case's workers link the child to a context of harm outside the home. */
    async linkToContext(principal: Principal, caseId: string, input: { contextId: string; why: string }) {
      await withCase(principal, caseId, 'record.edit', 'harm_context_linked', async ({ tx, c }) => {
        const context = await repo.findContext(tx, c.laCode, input.contextId);
        if (!context || context.closedOn) throw notFound();
        if ((await repo.contextsForPerson(tx, c.personId)).some((x) => x.id === context.id)) return; // already linked
        await repo.insertContextMember(tx, { id: randomUUID(), laCode: c.laCode, contextId: context.id, personId: c.personId, linkedOn: today().toString(), why: input.why, linkedBy: principal.userId, linkedByName: principal.displayName });
      });
    },

    /** The authority's contexts of harm outside the home. */
    async contexts(principal: Principal) {
      if (!can(principal, 'contexts.manage')) throw forbidden();
      return database.tenant(principal.laCode, (tx) => repo.contexts(tx, principal.laCode));
    },

    async createContext(principal: Principal, input: { kind: 'place' | 'peer_group' | 'online' | 'other'; name: string; description: string; identifiedOn: string }) {
      if (!can(principal, 'contexts.manage')) throw forbidden();
      const id = randomUUID();
      await database.tenant(principal.laCode, async (tx) => {
        await repo.insertContext(tx, { id, laCode: principal.laCode, ...input, createdBy: principal.userId, createdByName: principal.displayName });
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'harm_context_created', outcome: 'success', details: { contextId: id } });
      });
      return id;
    },

    /** A context and the children it links: the view is audited on each child's record. */
    async context(principal: Principal, contextId: string) {
      if (!can(principal, 'contexts.manage')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const context = await repo.findContext(tx, principal.laCode, contextId);
        if (!context) throw notFound();
        const members = await permittedOnly(tx, principal, 'contexts.manage', await read.contextMembers(tx, context.id), (m) => m.personId);
        for (const m of members) {
          await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'harm_context_viewed', outcome: 'success', childId: m.personId, details: { contextId } });
        }
        // A child's record is linked only where this user could open it: never a link to a refusal.
        const openable = await peopleService.openableAmong(tx, principal, members.map((m) => m.personId));
        return { context, members: members.map((m) => ({ ...m, openable: openable.has(m.personId) })) };
      });
    },
  };
}
