import { z } from 'zod';
import type { AdoConnection } from '../../ado/clients.ts';
import { parsePage } from '../normalise/delivery/parse.ts';
import { headerPages } from './delivery/shared.ts';

const projectsSchema = z.object({
  value: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })),
});

export interface ProjectRef {
  id: string;
  name: string;
}

const projectLists = new WeakMap<AdoConnection, Promise<ProjectRef[]>>();

/**
 * Every project of the organization (navigation only: not stored), asked once per connection (one
 * run): every delivery stream needs the same list.
 */
export function listProjects(connection: AdoConnection): Promise<ProjectRef[]> {
  let projects = projectLists.get(connection);
  if (projects === undefined) {
    projects = fetchProjects(connection);
    projectLists.set(connection, projects);
    projects.catch(() => projectLists.delete(connection));
  }
  return projects;
}

async function fetchProjects(connection: AdoConnection): Promise<ProjectRef[]> {
  const projects: ProjectRef[] = [];
  for await (const page of headerPages(connection, '_apis/projects', { $top: 500, 'api-version': '7.1' })) {
    projects.push(...parsePage('core.projects', projectsSchema, page.body).value);
  }
  return projects;
}
