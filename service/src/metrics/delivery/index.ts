/**
 * Delivery (DORA) metrics engine: pure functions over the normalised records of
 * domain/delivery.ts, following docs "metric definitions, Delivery metrics". No I/O.
 *
 * How linkage works
 * 1. Production: selectProductionDeployments keeps the deployment attempts whose environment (or
 *    classic release environment) name matches the project's mark (default /prod/i). Build
 *    timeline stage records stand in for pipelines that have no environment records, matched by
 *    stage name. A pipeline is `project/build|release/definitionId` (pipelineKeyOf).
 * 2. Changes → builds: linkChangesToBuilds indexes every change by each SHA that stands for it
 *    (a PR's merge commit and commits; a direct commit's SHA). A build contains the change whose
 *    SHA is its sourceVersion, plus the changes of the commits `build/changes?fromBuildId&toBuildId`
 *    reported between it and the previous production deployment of its pipeline
 *    (consecutiveProductionBuilds tells sync which pairs to ask for). A change only joins a build
 *    made from the branch (and repository) it landed on, or, for a pull request into another branch,
 *    a build that brought its merge commit. carryAcrossBranches then links the pull requests another
 *    pull request carried onward (acrossBranches.ts). Links are per build, so every redeploy of a
 *    build carries the same changes.
 * 3. Lead time: successful production deployments are walked once in finish order; a change's
 *    sample is the first one per pipeline whose build contains it, so a redeploy delivers nothing
 *    new and a change shipped by two pipelines has one sample per pipeline.
 * 4. Incidents: each is attributed to a production deployment of the build or release its artifact links
 *    name, else to the deployment its tag names, else to the last successful production deployment of
 *    its project finished before it was created (binary search over finish times); otherwise it stays
 *    unattributed with the reason.
 * 5. Rework: a deployment is rework when a change linked to its build links to an incident or a Bug.
 *    Which links make it so is listed only when a list reads them (ReworkEvidenceSource).
 * 6. Periods: prepareDelivery sorts the attempts once by finish time, joins incidents, rework and
 *    change counts onto them, and keeps each sorted array beside an array of day indices in the team's
 *    time zone. The window, every week and every sprint are then two binary searches each, and their
 *    medians and P85s are found by quickselect on a copy of the period's sample, without a full sort.
 *    The preparation does not depend on the range: reportFromPrepared makes a view's report from one the
 *    caller keeps (the service shares one per scope and zone), its drill-down rows and lead time samples
 *    made a page at a time (deploymentRowsBetween, leadTimeSamplesBetween).
 *
 * Performance (bench/delivery: 200,000 builds, link + a year, 53 weeks, 26 sprints and drill-down)
 * - Joins by number: SHAs, change ids and build ids are numbered once in open-addressing hash tables
 *   on typed arrays (hashTables.ts), several times faster than Map at this size; from then on builds
 *   and changes are indices, and a build's changes a range of one flat array (BuildChangeTable).
 * - Few objects: hot loops allocate nothing per record; the only objects made in bulk are the
 *   results (links, lead time samples, drill-down rows), each array sized once. Periods read sorted
 *   positions and prefix counts (periodIndex.ts) and typed-array columns of the lead time parts
 *   (leadTimeColumns.ts), so a week costs its own size, not the year's. A day's deployment list is
 *   built once and shared by the window, its week and its sprint.
 * - Reused working memory (scratch.ts): typed arrays that cannot outlive a call come from memory
 *   kept between calls, since V8 starts a full collection of the caller's heap for every 64 MB of
 *   new typed-array memory, and fresh pages cost a fault each.
 * Results are identical to the straightforward implementation, ordering and ties included.
 */
export * from './bands.ts';
export * from './buildChanges.ts';
export * from './deploymentFrequency.ts';
export { deploymentRecordsBetween, deploymentRowCount, deploymentRowsBetween } from './drillDownRows.ts';
export * from './failureRates.ts';
export * from './incidents.ts';
export * from './leadTime.ts';
export * from './leadTimeColumns.ts';
export * from './leadTimeSample.ts';
export * from './linkage.ts';
export * from './linkTable.ts';
export * from './model.ts';
export * from './prepare.ts';
export * from './production.ts';
export * from './recovery.ts';
export * from './report.ts';
export * from './rework.ts';
export * from './stats.ts';
export * from './summary.ts';
export * from './trend.ts';
