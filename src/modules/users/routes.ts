import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { listPage } from './pages/list/list.ts';
import { newUserPage } from './pages/new-user/new-user.ts';
import { passwordPage } from './pages/password/password.ts';
import { rolePage } from './pages/role/role.ts';
import { userPage } from './pages/user/user.ts';

/** Account administration within the administrator's own authority. Each page lives in its own folder under pages/. */
export function userRoutes(app: FastifyInstance, deps: Deps) {
  listPage(app, deps);
  newUserPage(app, deps);
  userPage(app, deps);
  rolePage(app, deps);
  passwordPage(app, deps);
}
