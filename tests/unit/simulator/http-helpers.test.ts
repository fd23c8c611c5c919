import { describe, expect, it } from 'vitest';
import { formatAdoDate, parseQueryDate } from '../../../service/src/simulator/dates.ts';
import {
  decodeContinuationToken,
  encodeContinuationToken,
} from '../../../service/src/simulator/paging/token.ts';
import { checkApiVersion } from '../../../service/src/simulator/apiVersion.ts';
import { LOCATIONS } from '../../../service/src/simulator/locations.ts';
import { SimulatorHttpError } from '../../../service/src/simulator/errors.ts';

describe('dates', () => {
  it.each([
    ['2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00Z'],
    ['2026-03-02T10:00:30.250Z', '2026-03-02T10:00:30.25Z'],
    ['2026-03-02T10:00:30.137Z', '2026-03-02T10:00:30.137Z'],
    ['2026-03-02T10:00:30.200Z', '2026-03-02T10:00:30.2Z'],
  ])('formats %s as the service does (%s)', (iso, expected) => {
    expect(formatAdoDate(new Date(iso))).toBe(expected);
  });

  it.each([
    ['Mon, 02 Mar 2026 10:00:00 GMT', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00:00Z', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00:00.5Z', '2026-03-02T10:00:00.500Z'],
    ['2026-03-02T10:00:00', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02', '2026-03-02T00:00:00.000Z'],
  ])('parses query date %s', (text, expected) => {
    expect(parseQueryDate(text)?.toISOString()).toBe(expected);
  });

  it.each(['yesterday', '', '2026-13-45T00:00:00Z', 'Mon, 02 Mar 2026'])('rejects %j', (text) => {
    expect(parseQueryDate(text)).toBeUndefined();
  });
});

describe('continuation tokens', () => {
  it('round-trips the watermark and accepts a bare watermark', () => {
    expect(encodeContinuationToken({ watermark: 813, id: 350, rev: 1 })).toBe('813;350;1');
    expect(decodeContinuationToken('813;350;1')).toBe(813);
    expect(decodeContinuationToken('794')).toBe(794);
  });
  it.each(['abc', '1;2', '-1;2;3', ''])('rejects %j', (token) => {
    expect(decodeContinuationToken(token)).toBeUndefined();
  });
});

describe('api-version checks', () => {
  const location = LOCATIONS.reportingRevisions;
  const statusFor = (version: string | undefined, method = 'GET'): number => {
    try {
      checkApiVersion(version, method, location);
      return 200;
    } catch (error) {
      return error instanceof SimulatorHttpError ? error.status : 500;
    }
  };
  it.each([
    ['7.1', 'GET', 200],
    ['7.1-preview.2', 'GET', 200],
    ['7.2-preview', 'GET', 200],
    ['7.2', 'GET', 400],
    ['8.0-preview.1', 'GET', 400],
    ['7', 'GET', 400],
    ['v7.1', 'GET', 400],
    [undefined, 'GET', 200],
    [undefined, 'POST', 400],
  ] as const)('%s on %s → %i', (version, method, status) => {
    expect(statusFor(version, method)).toBe(status);
  });
});
