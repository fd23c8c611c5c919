import { describe, expect, it } from 'vitest';
import { scopeNamedIn, serviceMessageOf } from '../../../service/src/ado/scopes.ts';
import { grantsScope } from '../../../service/src/simulator/scopes.ts';

describe('PAT scopes', () => {
  it.each([
    ['TF400813: … does not have the scope required by this request: vso.build.', 'vso.build'],
    ['needs VSO.Code to read repositories', 'vso.code'],
    ['mentions vso.unknown and vso.release', 'vso.release'],
    ['TF400813: The user is not authorized to access this resource.', undefined],
  ])('%s names %s', (message, scope) => {
    expect(scopeNamedIn(message)).toBe(scope);
  });

  it.each([
    ['{"$id":"1","message":"no scope vso.build"}', 'no scope vso.build'],
    ['<html>sign in</html>', '<html>sign in</html>'],
  ])('reads the message of %s', (body, message) => {
    expect(serviceMessageOf(body)).toBe(message);
  });

  it.each([
    { granted: 'full' as const, needed: 'vso.build', grants: true },
    { granted: ['vso.work', 'vso.project'], needed: 'vso.build', grants: false },
    { granted: ['vso.work_write'], needed: 'vso.work', grants: true },
    { granted: ['vso.build_execute'], needed: 'vso.build', grants: true },
    { granted: ['vso.work'], needed: 'vso.work_write', grants: false },
    { granted: [], needed: 'vso.project', grants: false },
  ])('the simulator: $granted grants $needed: $grants', ({ granted, needed, grants }) => {
    expect(grantsScope(granted, needed)).toBe(grants);
  });
});
