import express, { type Router } from 'express';
import type { RunningSimulator } from '../simulator/index.ts';
import { createDemoTokenMinter, PREVIEW_ACCESS_TOKEN } from './demoAppToken.ts';

/** The people the preview can play, so anyone can see what each role may do. */
export const PERSONAS = [
  { id: 'organization-admin', label: 'Organization administrator' },
  { id: 'project-admin', label: 'Project administrator' },
  { id: 'team-admin', label: 'Team administrator' },
  { id: 'member', label: 'Member' },
  { id: 'other-organization', label: 'User of another organization' },
] as const;
export type PersonaId = (typeof PERSONAS)[number]['id'];

/** Another organization on the demo simulator, whose user the last persona is. */
export const OTHER_ORGANIZATION = 'seika-elsewhere';

interface Persona {
  readonly id: PersonaId;
  readonly label: string;
  readonly user: { id: string; name: string; displayName: string };
  readonly accessToken: string;
}

const personaUserId = (index: number) => `b7a1c2d3-0000-4000-8000-0000000000${String(10 + index)}`;

/**
 * Seats the personas in the simulated organizations: the organization administrator is the preview's
 * own user (already seated); the others are new users with their own access tokens.
 */
export function seatPersonas(
  simulator: RunningSimulator,
  administrator: { id: string; name: string; displayName: string },
): Persona[] {
  const { identities, model } = simulator;
  const projects = (role: 'administrator' | 'contributor') =>
    Object.fromEntries(model.projects.map((project) => [project.id, role]));
  return PERSONAS.map((persona, index): Persona => {
    if (persona.id === 'organization-admin')
      return { ...persona, user: administrator, accessToken: PREVIEW_ACCESS_TOKEN };
    const user = {
      id: personaUserId(index),
      name: `${persona.id}@seika.example`,
      displayName: persona.label,
    };
    identities.addUser({ id: user.id, displayName: user.displayName, uniqueName: user.name });
    const organization = persona.id === 'other-organization' ? OTHER_ORGANIZATION : simulator.organization;
    identities.join(organization, user.id, {
      projects: persona.id === 'project-admin' ? projects('administrator') : projects('contributor'),
      teamAdministrator: persona.id === 'team-admin' ? [model.team.id] : [],
      collectionAdministrator: persona.id === 'other-organization',
    });
    const accessToken = `${PREVIEW_ACCESS_TOKEN}.${persona.id}`;
    identities.registerToken(accessToken, {
      userId: user.id,
      kind: 'access',
      organization,
      scopes: 'full',
      expiresAt: undefined,
    });
    return { ...persona, user, accessToken };
  });
}

/**
 * GET /preview/personas: who the preview can play, with each one's access token (what the preview host
 * answers SDK.getAccessToken() with); GET /preview/app-token/{persona}: that persona's app token.
 */
export function createPersonaRouter(personas: readonly Persona[], extensionSecret: string): Router {
  const router = express.Router();
  const minters = new Map(
    personas.map((persona) => [persona.id as string, createDemoTokenMinter(extensionSecret, persona.user)]),
  );
  router.get('/preview/personas', (_request, response) => {
    response.set('Cache-Control', 'no-store').json({
      personas: personas.map(({ id, label, accessToken }) => ({ id, label, accessToken })),
    });
  });
  router.get('/preview/app-token/:persona', async (request, response) => {
    const mint = minters.get(String(request.params['persona']));
    if (mint === undefined) {
      response.status(404).json({ error: { code: 'not_found', message: 'No such persona.' } });
      return;
    }
    response.set('Cache-Control', 'no-store').json({ token: await mint() });
  });
  return router;
}
