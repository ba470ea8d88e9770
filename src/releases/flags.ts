/**
 * The four kinds of change a release can be flagged for.
 *
 * Kept apart from schema.ts so that browser code (the release picker) can use
 * them without pulling in zod and the content schema.
 */

/** The four kinds of change a release can be flagged for, in the order they are shown. */
export const FLAG_KEYS = ['data_handling', 'reports_dashboards_exports', 'integrations_api', 'security_infrastructure'] as const;

/** One of the four flag kinds. */
export type FlagKey = (typeof FLAG_KEYS)[number];

/** Human name of each flag kind and the playbook steps it points to (empty when no step covers it). */
export const FLAG_INFO: Readonly<Record<FlagKey, { label: string; steps: readonly number[] }>> = {
	data_handling: { label: 'Data handling', steps: [18] },
	reports_dashboards_exports: { label: 'Bundled reports, dashboards or exports', steps: [3, 5, 23] },
	integrations_api: { label: 'Integrations or API', steps: [] },
	security_infrastructure: { label: 'Security or infrastructure', steps: [15] },
};
