import { afterEach, describe, expect, it } from 'vitest';
import {
  clientSetFor,
  forgetAllClientSets,
  forgetClientSet,
  ROUTES_TTL_MS,
} from '../../../service/src/ado/clientSets.ts';

const URL_A = 'https://dev.azure.com/contoso';
const URL_B = 'https://dev.azure.com/fabrikam';

afterEach(() => forgetAllClientSets());

describe('client sets kept across runs', () => {
  it.each([
    {
      name: 'the same organization and credential, while fresh',
      url: URL_A,
      pat: 'pat-1',
      at: 1_000,
      same: true,
    },
    { name: 'just before the routes expire', url: URL_A, pat: 'pat-1', at: ROUTES_TTL_MS - 1, same: true },
    { name: 'once the routes expired', url: URL_A, pat: 'pat-1', at: ROUTES_TTL_MS, same: false },
    { name: 'a changed credential', url: URL_A, pat: 'pat-2', at: 1_000, same: false },
    { name: 'another organization', url: URL_B, pat: 'pat-1', at: 1_000, same: false },
  ])('$name: reused is $same', ({ url, pat, at, same }) => {
    const first = clientSetFor(URL_A, 'pat-1', 0);
    expect(clientSetFor(url, pat, at) === first).toBe(same);
  });

  it('drops a set when one of its routes looked stale, and only that set', () => {
    const stale = clientSetFor(URL_A, 'pat-1', 0);
    const other = clientSetFor(URL_B, 'pat-1', 0);
    forgetClientSet(URL_A, stale);
    expect(clientSetFor(URL_A, 'pat-1', 1)).not.toBe(stale);
    expect(clientSetFor(URL_B, 'pat-1', 1)).toBe(other);
  });

  it('does not drop a newer set for an older one that looked stale', () => {
    const old = clientSetFor(URL_A, 'pat-1', 0);
    const renewed = clientSetFor(URL_A, 'pat-2', 1);
    forgetClientSet(URL_A, old);
    expect(clientSetFor(URL_A, 'pat-2', 2)).toBe(renewed);
  });

  it('keeps one set per organization: a new credential replaces the old one', () => {
    const old = clientSetFor(URL_A, 'pat-1', 0);
    clientSetFor(URL_A, 'pat-2', 1);
    expect(clientSetFor(URL_A, 'pat-1', 2)).not.toBe(old);
  });
});
