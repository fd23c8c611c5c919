import { describe, expect, it } from 'vitest';
import { guardFor } from '../../../../service/src/api/access/routeRequirements.ts';
import { buildOpenApiDocument } from '../../../../service/src/api/openapi/document.ts';

const TEAM = '/organizations/o/projects/p/teams/t';

describe('the route table', () => {
  it.each([
    ['GET', '/organizations', { kind: 'listing' }],
    ['POST', '/organizations', { kind: 'connect' }],
    ['DELETE', '/organizations/o', { role: 'collectionAdministrator' }],
    ['GET', '/organizations/o/sync-status', { role: 'collectionAdministrator' }],
    ['GET', '/organizations/o/audit', { role: 'collectionAdministrator' }],
    ['GET', '/organizations/o/access', { role: 'member' }],
    ['POST', '/organizations/o/usage/events', { role: 'member' }],
    ['GET', '/organizations/o/usage', { role: 'collectionAdministrator' }],
    ['GET', `${TEAM}/flow/cycle-time`, { role: 'projectReader', project: 'p' }],
    ['POST', `${TEAM}/flow/forecast/how-many`, { role: 'projectReader', project: 'p' }],
    ['GET', `${TEAM}/flow/settings`, { role: 'projectReader', project: 'p' }],
    ['PUT', `${TEAM}/flow/settings`, { role: 'teamAdministrator', project: 'p', team: 't' }],
    ['DELETE', `${TEAM}/flow/settings`, { role: 'teamAdministrator', project: 'p', team: 't' }],
    ['PUT', `${TEAM}/sprints/s1/targets`, { role: 'teamAdministrator', project: 'p', team: 't' }],
    ['POST', `${TEAM}/anything-new`, { role: 'teamAdministrator', project: 'p', team: 't' }],
    ['GET', '/organizations/o/projects/p/delivery/summary', { role: 'projectReader', project: 'p' }],
    ['PUT', '/organizations/o/projects/p/delivery/settings', { role: 'projectAdministrator', project: 'p' }],
    // A preview stores nothing: whoever may read the settings may ask.
    [
      'POST',
      '/organizations/o/projects/p/delivery/settings/preview',
      { role: 'projectReader', project: 'p' },
    ],
    ['POST', '/organizations/o/projects/p/anything-new', { role: 'projectAdministrator', project: 'p' }],
    ['GET', '/organizations/o/anything-new', { role: 'collectionAdministrator' }],
    // Express routes case-insensitively, so the table must too.
    [
      'PUT',
      '/ORGANIZATIONS/o/Projects/p/TEAMS/t/Flow/Settings',
      { role: 'teamAdministrator', project: 'p', team: 't' },
    ],
    ['HEAD', '/organizations/o/sync-status', { role: 'collectionAdministrator' }],
  ])('%s %s', (method, path, expected) => {
    const guard = guardFor(method, path);
    if ('kind' in expected) expect(guard).toEqual(expected);
    else expect(guard).toEqual({ kind: 'organization', organization: 'o', requirement: expected });
  });

  it('leaves no path unguarded but unknown ones (which are refused as not found)', () => {
    expect(guardFor('GET', '/nothing')).toBeUndefined();
    expect(guardFor('GET', '/organizations/%E0%A4%A')).toBeUndefined();
  });

  it('guards every operation of the OpenAPI document', () => {
    const document = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, item] of Object.entries(document.paths)) {
      const concrete = path.replace(/\{\w+\}/g, 'x');
      for (const method of Object.keys(item).filter((key) =>
        ['get', 'post', 'put', 'delete'].includes(key),
      )) {
        if (path === '/openapi.json') continue;
        expect(guardFor(method, concrete), `${method} ${path}`).toBeDefined();
      }
    }
  });
});
