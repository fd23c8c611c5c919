import type { SeikaRepository } from '../../service/src/storage/repository.ts';

/** The normalised data of a project without provenance ids, so two syncs can be compared for equality. */
export async function flowSnapshot(repository: SeikaRepository, organization: string, project: string) {
  const items = await repository.getFlowItems(organization, project);
  return items.map(({ item, transitions }) => ({
    ...item,
    provenance: undefined,
    transitions: transitions.map((transition) => ({ ...transition, provenance: undefined })),
  }));
}
