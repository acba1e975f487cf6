import type { FastifyInstance } from 'fastify';
import { isPermission } from '../access/permissions.ts';
import type { DeclaredRoute } from './types.ts';

/**
 * Deny by default: a route that does not say who may use it stops the app from starting.
 * The routes, with their permissions, are kept so tests can walk every one.
 */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  const declaredRoutes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declaredRoutes);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!isPermission(permission)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    }
    for (const method of [route.method].flat()) declaredRoutes.push({ method, url: route.url, permission });
  });
}
