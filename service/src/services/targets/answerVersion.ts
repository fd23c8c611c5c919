/**
 * What a sprint's outlook, review and suggestions depend on, read before anything is computed (a few index
 * seeks): the team's data version as the flow answers read it (its metadata, workflow and areas, and the
 * last successful sync run), the team's settings, the sprint's targets and review, and the day in the
 * team's time zone (answers are for a day), and when the organization's company holidays were last saved
 * (they change the working days). Team days off and working days arrive with a sync run.
 */
import type { SprintPath } from '../../contract/targets/sprintTargets.ts';
import { dayOf } from '../../metrics/calendar.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SprintTargetsStore } from '../../storage/targets.ts';
import type { CompanyHolidayStore } from '../../storage/calendar.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import { NotFoundError } from '../errors.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings } from '../teamSettings/codec.ts';

export type SprintAnswer = 'outlook' | 'review' | 'suggestions';

export async function sprintAnswerVersion(
  dependencies: {
    repository: SeikaRepository;
    organizations: OrganizationDirectory;
    store: SprintTargetsStore;
    teamSettings: TeamSettingsStore | undefined;
    companyHolidays: CompanyHolidayStore | undefined;
    now: () => number;
  },
  path: SprintPath,
  answer: SprintAnswer,
): Promise<string[]> {
  const organization = await dependencies.organizations.find(path.organization);
  if (organization === undefined) {
    throw new NotFoundError(`Organization "${path.organization}" is not connected to this Seika service.`);
  }
  const key = {
    organization: organization.name,
    project: path.project,
    team: path.team,
    iterationId: path.iterationId,
  };
  const [version, targets, review, holidays] = await Promise.all([
    dependencies.repository.readTeamDataVersion(key.organization, key.project, key.team),
    dependencies.store.get(key),
    answer === 'review' ? dependencies.store.getReview(key) : Promise.resolve(undefined),
    dependencies.companyHolidays?.get(key.organization),
  ]);
  const settings = decodeTeamSettings(version.settings);
  const timeZone = settings.timeZone ?? organization.timeZone;
  return [
    answer,
    key.organization,
    key.project,
    key.team.toLowerCase(),
    key.iterationId.toLowerCase(),
    // Every part of the data version, whatever it holds: new parts are included without a change here.
    JSON.stringify({ ...version, settings: version.settings?.updatedAt ?? null }),
    targets?.updatedAt ?? '',
    review?.updatedAt ?? '',
    holidays?.updatedAt ?? 'no-company-holidays',
    timeZone,
    dayOf(dependencies.now(), timeZone),
  ];
}
