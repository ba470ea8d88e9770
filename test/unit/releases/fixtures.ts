import type { FlagKey, Release } from '../../../src/releases/schema';

/** Builds a minimal valid release for tests, with the given flags stated. */
export function release(version: string, stated: Partial<Record<FlagKey, string>> = {}, extra: Partial<Release> = {}): Release {
	return {
		version,
		title: `Release ${version}`,
		summary: `Summary of ${version}.`,
		topics: [],
		source_url: `https://example.org/${version}`,
		flags: {
			data_handling: stated.data_handling ?? null,
			reports_dashboards_exports: stated.reports_dashboards_exports ?? null,
			integrations_api: stated.integrations_api ?? null,
			security_infrastructure: stated.security_infrastructure ?? null,
		},
		notes: `Notes on ${version}.`,
		...extra,
	};
}

/** The version set of the real catalogue, deliberately out of order, with 22.3 closing its year. */
export function sampleCatalogue(): Release[] {
	return [
		release('24.1', { data_handling: 'DOB defaults.' }),
		release('1.5.5', { integrations_api: 'Recruit API.' }),
		release('22.3', { data_handling: 'Privacy Remove.' }, { last_in_year: true, date_note: 'January 2023' }),
		release('23.3', {
			data_handling: 'Upload limit.',
			reports_dashboards_exports: 'Checksums.',
			integrations_api: 'API tokens.',
			security_infrastructure: 'Report API access.',
		}),
		release('1.4.0'),
		release('22.1'),
		release('24.2', { integrations_api: 'seca.' }),
		release('23.1', { data_handling: 'Code list length.', security_infrastructure: 'Security section.' }),
		release('1.5'),
		release('22.2'),
	];
}

/** Steps for each flag kind, as a test's own fixture (the site's are in content/process/release-flags.yaml). */
export const FLAG_STEPS = { data_handling: [18], reports_dashboards_exports: [3, 5, 23], integrations_api: [], security_infrastructure: [15] } as const;
