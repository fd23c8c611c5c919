import type { HelpContent } from '../topics.ts';

/** Administration topics in English: privacy, setup checklist, purpose statement template. */
export const administrationHelp = {
  privacy: {
    title: 'What Seika stores — and never stores',
    summary: 'Team-level figures from work items, builds and deployments; no per-person data.',
    sections: [
      {
        heading: 'Stored',
        body: [
          'Work items’ states, types, area paths, tags, titles and dates; builds, deployments, pull requests and commits as far as the delivery metrics need them; team settings, sprint targets and reviews; an audit log of administrators’ changes to Seika’s settings.',
          'Raw pages from Azure DevOps are kept so figures can be recomputed, with identity fields (assignees, authors, reviewers, e-mail addresses, avatars) removed before they are stored.',
        ],
      },
      {
        heading: 'Never stored or shown',
        body: [
          'Who worked on what, per-person charts, rankings, activity counts, presence, hours. Usage statistics are counts per team and week; distinct viewers are counted without keeping identities, and any count under 5 is shown as “fewer than 5”.',
          'Personal access tokens and hook secrets are sealed at rest and never returned by the API.',
        ],
      },
    ],
  },
  setupChecklist: {
    title: 'Setup checklist for administrators',
    summary: 'What to configure so every figure is right.',
    sections: [
      {
        heading: 'Checklist',
        body: [
          '1. Connect the organization with a personal access token with Work Items (Read) and Project and Team (Read); add Build (Read), Code (Read) and Release (Read) for the delivery metrics. The connect form shows which features each scope turns on.',
          '2. Mark production: in each project’s delivery settings, choose which environments and stages are production, and check the preview of the deployments the rule selects.',
          '3. Define incidents: how incidents are recognised (work item type, tag or field).',
          '4. Map teams: which pipelines and repositories belong to which team.',
          '5. Working days: check each team’s working days and days off in Azure DevOps, its holiday calendar (Japan or none) and the company holidays (for example 29 December – 3 January).',
          '6. Time zones: the organization’s default and any team that works elsewhere.',
          '7. Service hooks: set the service’s public URL so Azure DevOps can notify Seika; otherwise data refreshes on the regular schedule only.',
          '8. Publish the purpose statement to your staff before teams start using targets.',
        ],
      },
    ],
  },
  purposeStatement: {
    title: 'Purpose statement template',
    summary: 'A text to adapt and publish to employees about outcome-based management with Seika.',
    sections: [
      {
        heading: 'Why publish one',
        body: [
          'Japanese guidance on workplace monitoring asks employers to state the purpose of any monitoring in their internal rules and to inform employees (or their union) in advance. Seika does not monitor individuals, and saying so plainly builds the trust outcome-based management needs.',
        ],
      },
      {
        heading: 'Template',
        body: [
          'Purpose: We use Seika to see how our teams’ work flows and how often we deliver, to set outcome targets per sprint together, and to decide what to improve.',
          'What is measured: team-level figures computed from work items, builds and deployments in Azure DevOps (for example cycle time, throughput, deployment frequency).',
          'What is not measured: no individual’s activity, working hours, presence or performance is recorded, ranked or evaluated with Seika, and Seika’s figures are not used for personnel evaluation of individuals.',
          'Who can see it: the members of each team, their team administrators and project administrators; organization administrators see usage counts per team, never per person.',
          'Contact and review: questions go to [department / contact]. This statement is part of [internal rule name] and is reviewed every [period].',
        ],
      },
    ],
  },
} satisfies Partial<HelpContent>;
