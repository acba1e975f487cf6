import type { RoutePermission } from '../access/permissions.ts';
import type { Principal } from '../auth/service.ts';

/** What every route declares. A route without `permission` stops the app from starting. */
export interface RouteDeclaration {
  permission: RoutePermission;
  /** The audit action for this route; `false` only for static assets and the health check. */
  audit?: string | false;
}

/** A route as registered: tests walk these to prove every one is guarded. */
export interface DeclaredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: readonly DeclaredRoute[];
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
    audit?: string | false;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    /** Why an earlier session ended, to tell the user on the sign-in page. */
    sessionEnded: string | undefined;
    /** The child this request concerns, for the audit trail. */
    auditChildId: string | undefined;
    auditDetails: Record<string, unknown> | undefined;
    auditFailed: boolean;
  }
  interface FastifyReply {
    /** Renders a page in the layout with the signed-in user, CSRF token and navigation. */
    page(template: string, context?: Record<string, unknown>): Promise<void>;
  }
}
