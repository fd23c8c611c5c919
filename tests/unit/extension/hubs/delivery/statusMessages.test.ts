import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DELIVERY_REFERENCE_TABLE,
  DETAIL_FIGURES,
  deliveryTrendResponseSchema,
  deploymentDataStatusSchema,
  SUMMARY_FIGURES,
} from '../../../../../service/src/contract/index.ts';
import * as messages from '../../../../../service/src/services/delivery/messages.ts';
import type { DeliveryScope } from '../../../../../service/src/services/delivery/scope.ts';
import { deliveryEn } from '../../../../../extension/src/hubs/delivery/strings/en.ts';
import { deliveryJa } from '../../../../../extension/src/hubs/delivery/strings/ja.ts';
import type { StatusContext } from '../../../../../extension/src/hubs/delivery/strings/keys.ts';

/** Every `status` literal (but ok) of a discriminated union from the contract. */
function statusesOf(union: z.ZodType): string[] {
  if (!(union instanceof z.ZodDiscriminatedUnion)) throw new Error('not a discriminated union');
  return union.options.flatMap((option) => {
    if (!(option instanceof z.ZodObject)) return [];
    const status: unknown = option.shape['status'];
    return status instanceof z.ZodLiteral ? [...status.values].map(String) : [];
  });
}

const CONTRACT_STATUSES = [
  ...new Set(
    [
      ...Object.values(SUMMARY_FIGURES),
      ...Object.values(DETAIL_FIGURES),
      deploymentDataStatusSchema,
      deliveryTrendResponseSchema.shape.sprints,
    ]
      .flatMap(statusesOf)
      .filter((status) => status !== 'ok'),
  ),
].sort();

const PERIOD = { from: '2026-05-01', to: '2026-05-31' };
const MAPPING = {
  team: 'Checkout',
  buildDefinitionIds: [10, 11],
  releaseDefinitionIds: [],
  repositories: ['repo'],
};
const CONTEXTS: { name: string; scope: DeliveryScope; context: StatusContext }[] = [
  {
    name: 'project',
    scope: { kind: 'project' },
    context: {
      project: 'Shop',
      team: null,
      ...PERIOD,
      environmentPattern: 'prod',
      stagePattern: '^(?:Ship)$',
      targetNamesSeen: ['dev', 'staging'],
      openIncidentIds: [41, 42],
      successfulDeployments: 7,
      incidentTypes: ['Bug', 'Incident'],
      incidentTag: 'incident',
    },
  },
  {
    name: 'team',
    scope: { kind: 'team', team: 'Checkout', mapping: MAPPING },
    context: {
      project: 'Shop',
      team: { name: 'Checkout', buildDefinitionIds: [10, 11], releaseDefinitionIds: [] },
      ...PERIOD,
      environmentPattern: 'prod',
      stagePattern: 'prod',
      targetNamesSeen: [],
      openIncidentIds: [],
      successfulDeployments: 1,
      incidentTypes: ['Bug'],
      incidentTag: null,
    },
  },
];

describe('Delivery hub status sentences', () => {
  it('has an English and a Japanese sentence for every status the contract can send', () => {
    expect(CONTRACT_STATUSES.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(deliveryEn.statusMessage).sort()).toEqual(CONTRACT_STATUSES);
    expect(Object.keys(deliveryJa.statusMessage).sort()).toEqual(CONTRACT_STATUSES);
  });

  it.each(CONTEXTS)('renders in English exactly the API’s message ($name)', ({ scope, context }) => {
    const messageContext: messages.MessageContext = {
      project: context.project,
      scope,
      production: { environmentPattern: context.environmentPattern, stagePattern: context.stagePattern },
      incidentRule: {
        workItemTypes: [...context.incidentTypes],
        tag: context.incidentTag,
        linkTagPrefix: 'deployment:',
      },
    };
    const en = deliveryEn.statusMessage;
    expect(en.noDeploymentRecords(context)).toBe(
      messages.gapMessage({ status: 'noDeploymentRecords' }, messageContext),
    );
    expect(en.noProductionEnvironment(context)).toBe(
      messages.gapMessage(
        { status: 'noProductionEnvironment', targetNamesSeen: context.targetNamesSeen },
        messageContext,
      ),
    );
    expect(en.noDeployments(context)).toBe(messages.noDeploymentsMessage(PERIOD, messageContext));
    expect(en.noIncidents(context)).toBe(messages.noAttributedIncidentsMessage(PERIOD, messageContext));
    expect(en.noneRestored(context)).toBe(messages.noneRestoredMessage(PERIOD, context.openIncidentIds));
    expect(en.noChanges(context)).toBe(
      messages.noChangesMessage(PERIOD, messageContext, context.successfulDeployments),
    );
  });

  it.each(CONTEXTS)('renders every sentence in Japanese with its parameters ($name)', ({ context }) => {
    for (const status of CONTRACT_STATUSES) {
      const key = status as keyof typeof deliveryJa.statusMessage;
      const ja = deliveryJa.statusMessage[key](context);
      expect(ja, status).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(ja, status).not.toBe(deliveryEn.statusMessage[key](context));
    }
    const ja = deliveryJa.statusMessage;
    expect(ja.noDeployments(context)).toContain(PERIOD.from);
    expect(ja.noDeployments(context)).toContain(context.team?.name ?? context.project);
    expect(ja.noProductionEnvironment(context)).toContain(`/${context.environmentPattern}/i`);
    for (const name of context.targetNamesSeen) expect(ja.noProductionEnvironment(context)).toContain(name);
    for (const id of context.openIncidentIds) expect(ja.noneRestored(context)).toContain(String(id));
    expect(ja.noChanges(context)).toContain(String(context.successfulDeployments));
    expect(ja.noIncidents(context)).toContain(context.incidentTypes[0] ?? '');
  });
});

describe('Delivery hub reference bands', () => {
  it('reads in English exactly as the contract’s table, for every row and band', () => {
    for (const row of DELIVERY_REFERENCE_TABLE.rows) {
      expect(deliveryEn.reference.measures[row.figure]).toBe(row.measure);
      expect(deliveryEn.reference.cells[row.figure]).toEqual({
        elite: row.elite,
        high: row.high,
        medium: row.medium,
        low: row.low,
      });
    }
  });

  it('has a Japanese text for every cell, free of English units', () => {
    for (const row of DELIVERY_REFERENCE_TABLE.rows) {
      expect(deliveryJa.reference.measures[row.figure]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      for (const band of ['elite', 'high', 'medium', 'low'] as const) {
        const cell = deliveryJa.reference.cells[row.figure][band];
        expect(cell, `${row.figure} ${band}`).not.toMatch(/day|week|month|hour|less|demand/i);
        expect(cell.length).toBeGreaterThan(0);
      }
    }
  });
});
