/**
 * What a draft production rule selects from the synchronised deployment records, beside the saved rule:
 * per target (environment, release environment or stage) its attempts, successes and latest attempts. Pure:
 * the same selection the engine makes (selectProductionDeployments), so the preview cannot disagree with
 * the figures the rule will produce.
 */
import type { DeliverySettingsPreviewResponse, PreviewTarget } from '../../contract/index.ts';
import { PREVIEW_LIMITS } from '../../contract/index.ts';
import { attemptClassOf, type DeploymentRecord } from '../../domain/delivery.ts';
import {
  selectProductionDeployments,
  targetNameOf,
  type ProductionRule,
} from '../../metrics/delivery/index.ts';
import { TARGET_KIND } from './targetKinds.ts';

/** Matches every name: selects every record the engine would consider at all. */
const EVERY_TARGET: ProductionRule = { environmentNamePattern: '', stageNamePattern: '' };

type Counts = DeliverySettingsPreviewResponse['draftSelects'];

interface TargetTally {
  name: string;
  kind: PreviewTarget['kind'];
  records: DeploymentRecord[];
  successful: number;
}

export interface PreviewOptions {
  /** The run or release of a record in Azure DevOps. */
  link: (deployment: DeploymentRecord) => string | null;
  limits?: { targets: number; recentPerTarget: number };
}

const keyOf = (deployment: DeploymentRecord) =>
  `${TARGET_KIND[deployment.source]}\u0000${targetNameOf(deployment)}`;

function selectedKeys(deployments: readonly DeploymentRecord[], rule: ProductionRule): Set<string> {
  const selection = selectProductionDeployments(deployments, { default: rule });
  return new Set(selection.status === 'ok' ? selection.deployments.map(keyOf) : []);
}

function countsOf(tallies: readonly TargetTally[]): Counts {
  return {
    targets: tallies.length,
    deployments: tallies.reduce((sum, tally) => sum + tally.records.length, 0),
    successful: tallies.reduce((sum, tally) => sum + tally.successful, 0),
  };
}

const newestFirst = (a: DeploymentRecord, b: DeploymentRecord) =>
  (b.finishedAt ?? Number.NEGATIVE_INFINITY) - (a.finishedAt ?? Number.NEGATIVE_INFINITY) ||
  b.id.localeCompare(a.id);

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Orders targets by kind then name, as the settings' options list them. */
const byKindAndName = (a: TargetTally, b: TargetTally) =>
  a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);

export function previewProductionRule(
  deployments: readonly DeploymentRecord[],
  draft: ProductionRule,
  saved: ProductionRule,
  options: PreviewOptions,
): Omit<DeliverySettingsPreviewResponse, 'organization' | 'project'> {
  const limits = options.limits ?? PREVIEW_LIMITS;
  const considered = selectProductionDeployments(deployments, { default: EVERY_TARGET });
  const tallies = new Map<string, TargetTally>();
  for (const deployment of considered.status === 'ok' ? considered.deployments : []) {
    const key = keyOf(deployment);
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = {
        name: targetNameOf(deployment),
        kind: TARGET_KIND[deployment.source],
        records: [],
        successful: 0,
      };
      tallies.set(key, tally);
    }
    tally.records.push(deployment);
    if (attemptClassOf(deployment.outcome) === 'successful') tally.successful += 1;
  }
  const draftKeys = selectedKeys(deployments, draft);
  const savedKeys = selectedKeys(deployments, saved);
  const entries = [...tallies.entries()].sort(([, a], [, b]) => byKindAndName(a, b));
  const matched = entries.filter(([key]) => draftKeys.has(key));
  const unmatched = entries.filter(([key]) => !draftKeys.has(key));
  const target = ([key, tally]: [string, TargetTally], recent: boolean): PreviewTarget => ({
    name: tally.name,
    kind: tally.kind,
    deployments: tally.records.length,
    successful: tally.successful,
    lastFinishedAt: isoOrNull(
      tally.records.reduce<number | null>(
        (latest, record) =>
          record.finishedAt === null ? latest : Math.max(latest ?? record.finishedAt, record.finishedAt),
        null,
      ),
    ),
    savedProduction: savedKeys.has(key),
    recent: recent
      ? [...tally.records]
          .sort(newestFirst)
          .slice(0, limits.recentPerTarget)
          .map((record) => ({
            id: record.id,
            pipeline: record.pipelineName,
            finishedAt: isoOrNull(record.finishedAt),
            outcome: record.outcome,
            url: options.link(record),
          }))
      : [],
  });
  const names = (list: readonly [string, TargetTally][]) => ({
    total: list.length,
    names: list.slice(0, limits.targets).map(([, tally]) => tally.name),
  });
  return {
    production: { environmentPattern: draft.environmentNamePattern, stagePattern: draft.stageNamePattern },
    saved: { environmentPattern: saved.environmentNamePattern, stagePattern: saved.stageNamePattern },
    draftSelects: countsOf(matched.map(([, tally]) => tally)),
    savedSelects: countsOf(entries.filter(([key]) => savedKeys.has(key)).map(([, tally]) => tally)),
    matched: {
      total: matched.length,
      items: matched.slice(0, limits.targets).map((entry) => target(entry, true)),
    },
    unmatched: {
      total: unmatched.length,
      items: unmatched.slice(0, limits.targets).map((entry) => target(entry, false)),
    },
    changes: {
      added: names(matched.filter(([key]) => !savedKeys.has(key))),
      removed: names(entries.filter(([key]) => savedKeys.has(key) && !draftKeys.has(key))),
    },
    productionChanges:
      draft.environmentNamePattern !== saved.environmentNamePattern ||
      draft.stageNamePattern !== saved.stageNamePattern,
  };
}
