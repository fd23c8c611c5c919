import { describe, expect, it } from 'vitest';
import { storedBody, stripIdentities } from '../../../service/src/storage/sql/rawPageIdentities.ts';

const person = {
  displayName: 'Emily Carter',
  uniqueName: 'emily.carter@seika.example.com',
  id: '2b1c0000-0000-4000-8000-000000000001',
  imageUrl: 'https://dev.azure.com/x/_api/_common/identityImage?id=1',
  _links: { avatar: { href: 'https://dev.azure.com/x/avatar' } },
  descriptor: 'aad.MmIxYw',
};

describe('stripIdentities', () => {
  it.each([
    { name: 'a build requester', given: { id: 7, requestedFor: person }, expected: { id: 7 } },
    {
      name: 'commit author and committer keep their dates',
      given: {
        commitId: 'abc',
        author: { name: 'Emily Carter', email: 'e@x', date: '2026-05-01T00:00:00Z' },
      },
      expected: { commitId: 'abc', author: { date: '2026-05-01T00:00:00Z' } },
    },
    {
      name: 'a pull request and its reviewers',
      given: { pullRequestId: 3, createdBy: person, reviewers: [person], closedBy: person },
      expected: { pullRequestId: 3 },
    },
    {
      name: 'an environment record keeps its run id (owner is a build, not a person)',
      given: { owner: { id: 41, name: '20260501.1' } },
      expected: { owner: { id: 41 } },
    },
    {
      name: 'work-item identity fields as strings',
      given: { fields: { 'System.ChangedBy': 'Emily Carter <e@x>', 'System.State': 'Active' } },
      expected: { fields: { 'System.State': 'Active' } },
    },
    {
      name: 'an identity under a key nobody listed still loses name, e-mail and avatar',
      given: { approver: person },
      expected: { approver: { id: person.id, _links: {} } },
    },
    {
      name: 'lists and scalars pass through',
      given: [1, 'a', null, { name: 'web' }],
      expected: [1, 'a', null, { name: 'web' }],
    },
  ])('$name', ({ given, expected }) => {
    expect(stripIdentities(given)).toEqual(expected);
  });

  it('leaves a body that is not JSON as it is', () => {
    expect(storedBody('<html>sign in</html>')).toBe('<html>sign in</html>');
  });
});
