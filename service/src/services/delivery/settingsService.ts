/**
 * Reads, saves, resets and previews a project's delivery settings (per organization and project). A save
 * or reset that changes the production mark asks for the recomputation at once (recompute.ts); a reset
 * that still waits for one keeps a row of defaults to carry the change's time.
 */
import type {
  DeliverySettingsPreviewResponse,
  DeliverySettingsResponse,
  ProjectDeliverySettings,
  ProjectPath,
} from '../../contract/index.ts';
import type { DeploymentRecord } from '../../domain/delivery.ts';
import { targetNameOf } from '../../metrics/delivery/index.ts';
import type { DeliveryRepository } from '../../storage/delivery/repository.ts';
import type { DeliverySettingsStore, StoredDeliverySettings } from '../../storage/delivery/settings.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import { DeliveryRequestError } from './errors.ts';
import { findOrganization, projectNotSynchronised } from './service.ts';
import { deliveryLinks } from './links.ts';
import { previewProductionRule } from './productionPreview.ts';
import { PRODUCTION_DEPENDENT_STREAMS, type RecomputeScheduler } from './recompute.ts';
import {
  decodeDeliverySettings,
  DEFAULT_DELIVERY_SETTINGS,
  encodeDeliverySettings,
  isResetToDefaults,
  productionRuleOf,
  recomputeMarkOf,
  sameProductionRule,
} from './settingsCodec.ts';
import { TARGET_KIND } from './targetKinds.ts';
import type { ConnectedOrganization, OrganizationDirectory } from '../organizationDirectory.ts';

export interface DeliverySettingsService {
  get(path: ProjectPath): Promise<DeliverySettingsResponse>;
  /** Checks the mapped teams against the synchronised ones, then stores. */
  put(path: ProjectPath, settings: ProjectDeliverySettings): Promise<DeliverySettingsResponse>;
  /** Forgets the stored settings: the defaults apply again. */
  reset(path: ProjectPath): Promise<DeliverySettingsResponse>;
  /** What draft settings would mark as production, beside the saved ones; stores nothing. */
  preview(path: ProjectPath, draft: ProjectDeliverySettings): Promise<DeliverySettingsPreviewResponse>;
}

/** What the settings may name: pipelines, deployment targets (with their verdict) and repositories seen. */
function optionsOf(
  deployments: readonly DeploymentRecord[],
  settings: ProjectDeliverySettings,
): DeliverySettingsResponse['options'] {
  const rule = productionRuleOf(settings);
  const environment = new RegExp(rule.environmentNamePattern, 'i');
  const stage = new RegExp(rule.stageNamePattern, 'i');
  const pipelines = new Map<string, { kind: 'build' | 'release'; definitionId: number; name: string }>();
  const targets = new Map<string, DeliverySettingsResponse['options']['targets'][number]>();
  const repositories = new Set<string>();
  for (const deployment of deployments) {
    const kind = deployment.source === 'classicRelease' ? 'release' : 'build';
    pipelines.set(`${kind}/${deployment.pipelineId}`, {
      kind,
      definitionId: deployment.pipelineId,
      name: deployment.pipelineName,
    });
    const name = targetNameOf(deployment);
    const targetKind = TARGET_KIND[deployment.source];
    const key = `${targetKind}\u0000${name}`;
    if (!targets.has(key)) {
      const production = targetKind === 'stage' ? stage.test(name) : environment.test(name);
      targets.set(key, { name, kind: targetKind, production });
    }
    if (deployment.repository !== null) repositories.add(deployment.repository);
  }
  return {
    pipelines: [...pipelines.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.definitionId - b.definitionId,
    ),
    targets: [...targets.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
    ),
    repositories: [...repositories].sort(),
  };
}

export function createDeliverySettingsService(dependencies: {
  repository: SeikaRepository;
  delivery: DeliveryRepository;
  organizations: OrganizationDirectory;
  store: DeliverySettingsStore;
  /** Brings the production-dependent sync forward; absent where nothing syncs (a seeded store). */
  recompute?: RecomputeScheduler;
  now?: () => number;
}): DeliverySettingsService {
  const { repository, delivery, organizations, store } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function scheduleRecomputation(organization: string, at: number): Promise<void> {
    await dependencies.recompute?.(organization, PRODUCTION_DEPENDENT_STREAMS, at);
  }

  async function project(path: ProjectPath): Promise<{
    organization: ConnectedOrganization;
    stored: StoredDeliverySettings | undefined;
  }> {
    const organization = await findOrganization(organizations, path.organization);
    const version = await store.readVersion(organization.name, path.project, undefined);
    if (!version.projectKnown) throw projectNotSynchronised(path.project);
    return { organization, stored: version.settings };
  }

  async function answer(
    organization: ConnectedOrganization,
    path: ProjectPath,
    stored: StoredDeliverySettings | undefined,
  ): Promise<DeliverySettingsResponse> {
    const settings = decodeDeliverySettings(stored);
    const rule = productionRuleOf(settings);
    const deployments = await delivery.listDeployments(organization.name, [path.project]);
    return {
      organization: organization.name,
      project: path.project,
      settings,
      isDefault: isResetToDefaults(stored),
      updatedAt: stored?.updatedAt ?? null,
      effectiveTimeZone: settings.timeZone ?? organization.timeZone,
      production: { environmentPattern: rule.environmentNamePattern, stagePattern: rule.stageNamePattern },
      options: optionsOf(deployments, settings),
    };
  }

  return {
    async get(path) {
      const { organization, stored } = await project(path);
      return answer(organization, path, stored);
    },

    async put(path, settings) {
      const { organization, stored: previous } = await project(path);
      for (const [index, mapping] of settings.teams.entries()) {
        const scope = await repository.getTeamScope(organization.name, path.project, mapping.team);
        if (scope === undefined) {
          const parameter = `teams.${index}.team`;
          throw new DeliveryRequestError(
            'invalid_parameter',
            `Body field "${parameter}" names team "${mapping.team}", which project "${path.project}" has not ` +
              'synchronised; check the name.',
            parameter,
          );
        }
      }
      // ETags depend on updated_at: two saves within one millisecond must still differ.
      const at = Math.max(now(), previous === undefined ? 0 : Date.parse(previous.updatedAt) + 1);
      const updatedAt = new Date(at).toISOString();
      const productionChanged = !sameProductionRule(
        productionRuleOf(decodeDeliverySettings(previous)),
        productionRuleOf(settings),
      );
      // A save that keeps the mark keeps the last change's time: its recomputation may still be due.
      const recompute = productionChanged
        ? { since: updatedAt, reason: 'productionRuleChanged' as const }
        : recomputeMarkOf(previous);
      const stored = { settings: encodeDeliverySettings(settings, recompute), updatedAt };
      await store.save(organization.name, path.project, stored);
      if (productionChanged) await scheduleRecomputation(organization.name, at);
      return answer(organization, path, stored);
    },

    async reset(path) {
      const { organization, stored: previous } = await project(path);
      const changed = !sameProductionRule(
        productionRuleOf(decodeDeliverySettings(previous)),
        productionRuleOf(DEFAULT_DELIVERY_SETTINGS),
      );
      const at = Math.max(now(), previous === undefined ? 0 : Date.parse(previous.updatedAt) + 1);
      const updatedAt = new Date(at).toISOString();
      const recompute = changed
        ? { since: updatedAt, reason: 'productionRuleChanged' as const }
        : recomputeMarkOf(previous);
      if (recompute === undefined) {
        await store.remove(organization.name, path.project);
        return answer(organization, path, undefined);
      }
      // The row outlives the reset to carry the change's time until the recomputation has run.
      const stored = {
        settings: encodeDeliverySettings(DEFAULT_DELIVERY_SETTINGS, recompute, { resetToDefaults: true }),
        updatedAt,
      };
      await store.save(organization.name, path.project, stored);
      if (changed) await scheduleRecomputation(organization.name, at);
      return answer(organization, path, stored);
    },

    async preview(path, draft) {
      const { organization, stored } = await project(path);
      const deployments = await delivery.listDeployments(organization.name, [path.project]);
      const links = deliveryLinks(organization.url);
      return {
        organization: organization.name,
        project: path.project,
        ...previewProductionRule(
          deployments,
          productionRuleOf(draft),
          productionRuleOf(decodeDeliverySettings(stored)),
          { link: (deployment) => links.deployment(deployment) },
        ),
      };
    },
  };
}
