/**
 * Two organizations on one simulator, both connected to one real service by their own administrators,
 * and the people the attack matrix acts as.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { ProjectRole } from '../../../service/src/simulator/index.ts';
import {
  eventually,
  simulatorOwner,
  startTestService,
  type TestService,
  type TestUser,
} from '../../support/startTestService.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import type { StorageTarget } from '../../../service/src/app/openRepository.ts';

export const RIVAL = 'rival-org';
/** Nothing listens on the discard port. */
export const CLOSED_ORIGIN = 'http://127.0.0.1:9';

export interface TwoOrganizations {
  simulator: RunningSimulator;
  test: TestService;
  target: StorageTarget;
  /** A web server that answers every request with an HTML page. */
  notAzureDevOpsOrigin: string;
  victim: string;
  project: string;
  team: string;
  people: {
    /** Project Collection Administrator of the victim organization. */
    owner: TestUser;
    /** Member of the victim organization who sees no project. */
    outsider: TestUser;
    /** Contributor of the victim's projects. */
    member: TestUser;
    teamAdministrator: TestUser;
    projectAdministrator: TestUser;
    /** Project Collection Administrator of the rival organization (a member of it only). */
    rival: TestUser;
  };
  close(): Promise<void>;
}

function person(
  simulator: RunningSimulator,
  name: string,
  membership: { projects?: Record<string, ProjectRole>; teamAdministrator?: string[] },
): TestUser {
  const userId = randomUUID();
  simulator.identities.addUser({ id: userId, displayName: name, uniqueName: `${name}@seika.example.com` });
  simulator.identities.join(simulator.organization, userId, membership);
  return {
    userId,
    userToken: simulator.identities.issueToken({
      userId,
      organization: simulator.organization,
      kind: 'access',
    }),
    organization: simulator.organization,
  };
}

async function startPlainWebServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html><body>A blog, not Azure DevOps.</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startTwoOrganizations(): Promise<TwoOrganizations> {
  const directory = temporaryDirectory('access');
  const simulator = await startSimulator({
    seed: 31,
    scale: 'tiny',
    now: new Date('2026-06-01T00:00:00Z'),
    organizations: [{ name: RIVAL, seed: 32 }],
  });
  const notAzureDevOps = await startPlainWebServer();
  const target: StorageTarget = { kind: 'sqlite', path: `${directory.path}/access.sqlite` };
  // A closed port and a web server that is not Azure DevOps, allowed so connecting reaches them.
  const test = await startTestService(target, {
    simulator,
    extraAllowedOrigins: [CLOSED_ORIGIN, notAzureDevOps.origin],
  });
  const { model } = simulator;
  const projects = (role: ProjectRole) =>
    Object.fromEntries(model.projects.map((project) => [project.id, role]));
  const people = {
    owner: simulatorOwner(simulator),
    outsider: person(simulator, 'outsider', {}),
    member: person(simulator, 'member', { projects: projects('contributor') }),
    teamAdministrator: person(simulator, 'team-admin', {
      projects: projects('contributor'),
      teamAdministrator: [model.team.id],
    }),
    projectAdministrator: person(simulator, 'project-admin', { projects: projects('administrator') }),
    rival: simulatorOwner(simulator, RIVAL),
  };
  for (const [admin, name] of [
    [people.owner, simulator.organization],
    [people.rival, RIVAL],
  ] as const) {
    const hosted = simulator.organizations.find((organization) => organization.name === name);
    const connected = await test.api('/organizations', {
      method: 'POST',
      as: admin,
      body: { organizationUrl: hosted?.url, personalAccessToken: hosted?.pat, subscribeToEvents: false },
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
  }
  await eventually(
    'both first syncs',
    async () => {
      const done = await Promise.all(
        [simulator.organization, RIVAL].map(
          async (name) => (await test.service.storage.jobs.describe(name))?.lastFinishedAt,
        ),
      );
      return done.every((finished) => finished !== null && finished !== undefined) ? true : undefined;
    },
    60_000,
  );
  return {
    simulator,
    test,
    target,
    notAzureDevOpsOrigin: notAzureDevOps.origin,
    victim: simulator.organization,
    project: simulator.project,
    team: simulator.team,
    people,
    async close() {
      await test.service.close();
      await simulator.close();
      await notAzureDevOps.close();
      directory.remove();
    },
  };
}
