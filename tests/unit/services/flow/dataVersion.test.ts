import { describe, expect, it } from 'vitest';
import { teamDataStamp } from '../../../../service/src/services/flow/dataVersion.ts';
import type { TeamDataVersion } from '../../../../service/src/storage/repository.ts';

const version = (parts: Partial<TeamDataVersion>): TeamDataVersion => ({
  settings: undefined,
  teamVersion: 0,
  workflowVersion: 0,
  fieldValues: [{ value: 'P\\Web', includeChildren: true }],
  areaVersions: [],
  lastSuccessfulSync: null,
  teamKnown: true,
  ...parts,
});

describe('services/flow/dataVersion', () => {
  it.each([
    { case: 'nothing written since versions were kept', parts: {}, stamp: 0 },
    { case: 'the team metadata is the newest', parts: { teamVersion: 9, workflowVersion: 4 }, stamp: 9 },
    { case: 'the workflow is the newest', parts: { teamVersion: 3, workflowVersion: 7 }, stamp: 7 },
    {
      case: 'its own area, in other case and with stray separators',
      parts: { teamVersion: 3, areaVersions: [{ area: 'p\\web', version: 12 }] },
      stamp: 12,
    },
    {
      case: 'a child area, children included',
      parts: { areaVersions: [{ area: 'p\\web\\checkout', version: 15 }] },
      stamp: 15,
    },
    {
      case: 'a child area, children not included',
      parts: {
        fieldValues: [{ value: '\\P\\Web\\', includeChildren: false }],
        areaVersions: [
          { area: 'p\\web\\checkout', version: 15 },
          { area: 'p\\web', version: 6 },
        ],
      },
      stamp: 6,
    },
    {
      case: 'a look-alike sibling and the parent are other teams’',
      parts: {
        teamVersion: 2,
        areaVersions: [
          { area: 'p\\website', version: 20 },
          { area: 'p', version: 21 },
          { area: 'q\\web', version: 22 },
        ],
      },
      stamp: 2,
    },
    {
      case: 'the newest of several covered areas',
      parts: {
        fieldValues: [
          { value: 'P\\Web', includeChildren: true },
          { value: 'P\\Ops', includeChildren: false },
        ],
        areaVersions: [
          { area: 'p\\ops', version: 30 },
          { area: 'p\\web\\deep\\deeper', version: 25 },
          { area: 'p\\ops\\child', version: 40 },
        ],
      },
      stamp: 30,
    },
    {
      case: 'an unknown team covers nothing',
      parts: { fieldValues: [], areaVersions: [{ area: 'p\\web', version: 5 }] },
      stamp: 0,
    },
  ])('$case → $stamp', ({ parts, stamp }) => {
    expect(teamDataStamp(version(parts))).toBe(stamp);
  });
});
