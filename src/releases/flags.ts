/**
 * The four kinds of change a release can be flagged for.
 *
 * Kept apart from schema.ts so that browser code (the release picker) can use
 * them without pulling in zod and the content schema. Which steps each kind
 * points to is content: `content/process/release-flags.yaml`.
 */

/** The four kinds of change a release can be flagged for, in the order they are shown. */
export const FLAG_KEYS = ['data_handling', 'reports_dashboards_exports', 'integrations_api', 'security_infrastructure'] as const;

/** One of the four flag kinds. */
export type FlagKey = (typeof FLAG_KEYS)[number];

/** The step numbers each flag kind points to (empty when no step covers it), as read from the content. */
export type FlagSteps = Readonly<Record<FlagKey, readonly number[]>>;

/** Human name of each flag kind. */
export const FLAG_LABELS: Readonly<Record<FlagKey, string>> = {
	data_handling: 'Data handling',
	reports_dashboards_exports: 'Bundled reports, dashboards or exports',
	integrations_api: 'Integrations or API',
	security_infrastructure: 'Security or infrastructure',
};
