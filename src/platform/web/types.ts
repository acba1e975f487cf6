import type { RoutePermission } from '../access/permissions.ts';
import type { Principal } from '../auth/service.ts';

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
  /** What every route declares. A route without `permission` stops the app from starting. */
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** The audit action for this route; `false` only for static files, the health check and sign-out (audited by its service). */
    audit?: string | false;
    /** A form sent with no sign-in (the public request for help): its one-time token is claimed for this authority. */
    publicFormAuthority?: string | undefined;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    /** Why an earlier session ended, to tell the user on the sign-in page. */
    sessionEnded: string | undefined;
    /** The child this request concerns, for the audit trail. */
    auditChildId: string | undefined;
    auditDetails: Record<string, unknown> | undefined;
    auditFailed: boolean;
    /** The one-time token of the form this request sent, once claimed as its first sending. */
    submission: { laCode: string; token: string } | undefined;
  }
  interface FastifyReply {
    /** Renders a page in the layout with the signed-in user, CSRF token and navigation. */
    page(template: string, context?: Record<string, unknown>): Promise<void>;
  }
}
