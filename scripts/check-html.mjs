// Runs the Nu HTML Checker (the vnu-jar package, on the system's Java) over every page of a build
// and holds it at zero errors. Errors that are not ours are allowed, each by its exact message and
// by its count on a page, and nothing else: Starlight's SidebarPersister marks its two inline scripts
// aria-hidden, and the checker's CSS parser does not know container queries (CSS Conditional
// Rules 5), which the scroll cue of a wide table uses. Infos and warnings are counted in the report but do not fail (the checker reads
// files, so it takes the pages' own-origin Content-Security-Policy as blocking every local file).
//
//   node scripts/check-html.mjs [dist] [--report reports/html.json]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Errors that are not ours: the exact message and how many one page may have. */
export const ALLOWED = [
	{ message: 'The “aria-hidden” attribute must not be specified on the “script” element.', perPage: 2, why: "Starlight's SidebarPersister" },
	// ScrollRegion.astro: one `container-type: scroll-state` and its fallback test, three `@container` rules.
	{ message: 'CSS: “container-type”: Property “container-type” doesn\'t exist.', perPage: 2, why: "the checker's CSS parser, which predates container queries" },
	{ message: 'CSS: Unrecognized at-rule “@container”', perPage: 3, why: "the checker's CSS parser, which predates container queries" },
];

/** Sorts the checker's messages by page and tells, per page, which errors are ours. */
export function judge(messages, pages) {
	const byPage = new Map(pages.map((page) => [page, { page, errors: [], allowed: 0, warnings: 0, infos: 0 }]));
	for (const m of messages) {
		const page = byPage.get(m.url) ?? { page: m.url, errors: [], allowed: 0, warnings: 0, infos: 0 };
		byPage.set(m.url, page);
		if (m.type === 'error' || m.type === 'non-document-error') page.errors.push(m);
		else if (m.subType === 'warning') page.warnings += 1;
		else page.infos += 1;
	}
	return [...byPage.values()].map((page) => {
		const ours = [];
		for (const rule of ALLOWED) {
			const matching = page.errors.filter((e) => e.message === rule.message);
			if (matching.length <= rule.perPage) page.allowed += matching.length;
			else ours.push(...matching);
		}
		ours.push(...page.errors.filter((e) => !ALLOWED.some((rule) => rule.message === e.message)));
		return { page: page.page, errors: ours.map((e) => `${e.lastLine ?? '?'}:${e.firstColumn ?? '?'} ${e.message}`), allowed: page.allowed, warnings: page.warnings, infos: page.infos };
	});
}

/** Every HTML file the checker will read, as the file: URLs it names them by. */
function pageUrls(dist) {
	const out = execFileSync('find', [dist, '-name', '*.html', '-type', 'f'], { encoding: 'utf8' });
	return out.split('\n').filter(Boolean).sort().map((file) => `file:${resolve(file)}`);
}

/** Runs the checker, prints our errors, writes the report; the exit code says whether there were none. */
function main(args) {
	const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
	const dist = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist';
	const reportFile = option('--report', join('reports', 'html.json'));
	if (!existsSync(join(dist, 'index.html'))) {
		console.log(`${dist}: no built site to check (build it first)`);
		process.exit(1);
	}
	const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');
	let output;
	try {
		// The checker exits 1 when it finds any error; its JSON goes to stderr either way.
		execFileSync(process.env.JAVA ?? 'java', ['-jar', jar, '--format', 'json', '--skip-non-html', dist], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
		output = '{"messages":[]}';
	} catch (error) {
		if (typeof error.stderr !== 'string' || !error.stderr.trim().startsWith('{')) throw error;
		output = error.stderr;
	}
	const results = judge(JSON.parse(output).messages, pageUrls(dist)).map((r) => ({ ...r, page: relative(resolve(dist), fileURLToPath(r.page)) }));
	const failed = results.filter((r) => r.errors.length);
	for (const r of failed) for (const error of r.errors) console.log(`HTML error in ${r.page}: ${error}`);
	const sum = (key) => results.reduce((total, r) => total + r[key], 0);
	mkdirSync(dirname(reportFile), { recursive: true });
	writeFileSync(
		reportFile,
		JSON.stringify({ numPassedTests: results.length - failed.length, numFailedTests: failed.length, numPendingTests: 0, allowed: sum('allowed'), warnings: sum('warnings'), infos: sum('infos'), results }, null, 2),
	);
	console.log(
		`html (${dist}): ${results.length} pages, ${failed.reduce((n, r) => n + r.errors.length, 0)} errors of ours, ${sum('allowed')} not ours allowed (${[...new Set(ALLOWED.map((a) => a.why))].join('; ')}); ${results.length - failed.length} passed, ${failed.length} failed`,
	);
	process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
