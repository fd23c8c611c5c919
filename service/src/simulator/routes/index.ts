import type { Route } from './route.ts';
import { coreRoutes } from './core.ts';
import { workRoutes } from './work.ts';
import { backlogRoutes } from './backlogs.ts';
import { boardRoutes } from './boards.ts';
import { witRoutes } from './wit.ts';
import { workItemRoutes } from './workItems.ts';
import { wiqlRoutes } from './wiql.ts';
import { buildRoutes } from './build.ts';
import { pipelineRoutes } from './pipelines.ts';
import { environmentRoutes } from './environments.ts';
import { releaseRoutes } from './release.ts';
import { gitRoutes } from './git.ts';
import { hookRoutes } from './hooks.ts';
import { identityRoutes } from '../identity/routes.ts';

/** Every REST route the simulator answers, by area. */
export const ROUTES: readonly Route[] = [
  ...identityRoutes,
  ...coreRoutes,
  ...workRoutes,
  ...backlogRoutes,
  ...boardRoutes,
  ...witRoutes,
  ...workItemRoutes,
  ...wiqlRoutes,
  ...buildRoutes,
  ...pipelineRoutes,
  ...environmentRoutes,
  ...releaseRoutes,
  ...gitRoutes,
  ...hookRoutes,
];
