/**
 * The benchmark: `npm run bench`. Prints one report and writes it to bench/results.md.
 *
 * 1. Bytes per page type (bench/page-types.json) against a plain Starlight page built in the
 *    same run from the same installed packages: HTML, CSS and JS, raw and gzipped (bench/weight.ts
 *    says how scripts are followed and attributed), and the bytes a first visit transfers by
 *    network idle in Chromium, served with gzip as a host would; on the stage page, also the first
 *    tick (bench/transfer.ts), and both by kind of resource. The plain page's figure is recorded in
 *    bench/page-types.json, where the transfer test in CI reads it.
 * 2. Build time and output size as content grows: today's content, synthetic catalogues of 100
 *    and 1,000 releases, and ten times the steps' text. Each is built in a copy of the project
 *    under bench/out/copies/ (never committed), so the working tree is never touched.
 * 3. Lighthouse (mobile) for every page type and the plain page: the median of three runs.
 * 4. Content-Security-Policy violations on load: plain Starlight with Astro's own `security.csp`,
 *    and the playbook with its policy (src/integrations/csp.ts).
 * 5. A first search, playbook beside plain Starlight: bytes split by kind, typing to first result.
 * 6. Search relevance on bench/relevance/set.yaml: recall at 3 and mean reciprocal rank.
 *
 * Options: --quick skips the scaling builds and takes one Lighthouse run instead of three.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { buildBaseline, projectRoot, runAstroBuild } from './baseline.ts';
import { firstSearch } from './first-search.ts';
import { measureRelevance, relevanceReport } from './relevance.ts';
import { launchChromium, lighthouseRun, median, CATEGORIES, NOINDEX_SKIPS, type Category } from './lighthouse.ts';
import { serve } from './serve.ts';
import { appendSyntheticSources, syntheticCatalogue, writeSyntheticCatalogue } from './synthetic-releases.ts';
import { jsShare, pageWeight, scriptHashes, total, type PageWeight } from './weight.ts';
import { firstTick, measureTransfer, measureWalk, recordPlainVisit, resourceKind, type Transfer } from './transfer.ts';

interface PageType {
	name: string;
	path: string;
	tool: boolean;
	noindex?: boolean;
}

const quick = process.argv.includes('--quick');
// Each scaling build runs this many times and the fastest counts: other work on the machine only ever slows a build.
const buildRuns = quick ? 1 : 2;
const lighthouseRuns = quick ? 1 : 3;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pages: PageType[] = JSON.parse(readFileSync(join(projectRoot, 'bench', 'page-types.json'), 'utf8')).pages;
const budgets: { toolJsGz: number; noToolJsGz: number } = JSON.parse(readFileSync(join(projectRoot, 'bench', 'page-types.json'), 'utf8')).budgets;
const out = join(projectRoot, 'bench', 'out');
const log = (line: string) => process.stderr.write(`${line}\n`);

const kb = (n: number) => (n >= 10_000 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);
const pair = (b: { raw: number; gz: number }) => `${kb(b.raw)} / ${kb(b.gz)}`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

// What a copy of the project leaves out: installed packages, builds, caches and reports.
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'reports', 'playwright-report', join('bench', 'results.md')]);

/**
 * Copies the project into bench/out/copies/<label> and returns it. The copy finds the installed
 * packages in the project's node_modules above it, through Node's ordinary lookup; a copy outside
 * the project with a linked node_modules confuses Astro's paths to Starlight's components.
 */
function copyProject(label: string): string {
	const dir = join(out, 'copies', label);
	rmSync(dir, { recursive: true, force: true });
	const copy = (from: string, to: string) => {
		mkdirSync(to, { recursive: true });
		for (const entry of readdirSync(from, { withFileTypes: true })) {
			const src = join(from, entry.name);
			const rel = relative(projectRoot, src);
			if (SKIP.has(rel) || rel === join('bench', 'out')) continue;
			if (entry.isDirectory()) copy(src, join(to, entry.name));
			else if (entry.isFile()) copyFileSync(src, join(to, entry.name));
		}
	};
	copy(projectRoot, dir);
	return dir;
}

/** Bytes and file count of a folder. */
function folderSize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		const stat = statSync(join(dir, name));
		if (stat.isFile()) {
			bytes += stat.size;
			files += 1;
		}
	}
	return { bytes, files };
}

/** Builds a copy of the project after `change` edits it; returns the timing, the size, and the dist folder. */
function buildVariant(label: string, change: (dir: string) => string): { label: string; what: string; ms: number; pages: number; bytes: number; files: number; dir: string } {
	const dir = copyProject(label);
	const what = change(dir);
	let ms = Infinity;
	for (let i = 0; i < buildRuns; i++) {
		log(`building ${label} (${i + 1} of ${buildRuns})…`);
		rmSync(join(dir, 'dist'), { recursive: true, force: true });
		rmSync(join(dir, '.astro'), { recursive: true, force: true });
		rmSync(join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
		const started = performance.now();
		runAstroBuild(dir);
		ms = Math.min(ms, Math.round(performance.now() - started));
	}
	const dist = join(dir, 'dist');
	const pageCount = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
	return { label, what, ms, pages: pageCount, ...folderSize(dist), dir };
}

/** Replaces the release catalogue of a project copy with n synthetic releases. */
function withReleases(n: number) {
	return (dir: string) => {
		rmSync(join(dir, 'content', 'releases'), { recursive: true, force: true });
		writeSyntheticCatalogue(join(dir, 'content', 'releases'), n);
		appendSyntheticSources(join(dir, 'content', 'sources.yaml'), syntheticCatalogue(n));
		return `${n} synthetic releases`;
	};
}

/** Repeats every step's notes ten times in a project copy. */
function tenfoldSteps(dir: string): string {
	const stepsDir = join(dir, 'content', 'process', 'steps');
	let before = 0;
	for (const name of readdirSync(stepsDir).filter((n) => n.endsWith('.md'))) {
		const text = readFileSync(join(stepsDir, name), 'utf8');
		const end = text.indexOf('\n---', 4) + 4;
		const notes = text.slice(end);
		before += notes.length;
		writeFileSync(join(stepsDir, name), text.slice(0, end) + Array.from({ length: 10 }, () => notes).join('\n\n'));
	}
	return `steps' notes ×10 (${kb(before)} → ${kb(before * 10)})`;
}

/** What a first visit transfers (headers included) by network idle, in a fresh Chromium; with `tick`, then the first tick too. */
async function transferred(origin: string, path: string, tick = false): Promise<Transfer> {
	const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
	try {
		return await measureTransfer(browser, origin + path, tick ? firstTick : undefined);
	} finally {
		await browser.close();
	}
}

/** A transfer's bytes by kind of resource (HTML, CSS, JS, data, other), for one phase or both. */
function byKind(transfer: Transfer, origin: string, phase?: 'visit' | 'tick'): Record<string, number> {
	const sums: Record<string, number> = {};
	for (const r of transfer.responses.filter((r) => !phase || r.phase === phase)) sums[resourceKind(r.url.replace(origin, ''))] = (sums[resourceKind(r.url.replace(origin, ''))] ?? 0) + r.bytes;
	return sums;
}

/** CSP violations reported while loading each path and waiting for network idle. */
async function violations(origin: string, paths: string[]): Promise<Record<string, string[]>> {
	const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
	const found: Record<string, string[]> = {};
	try {
		for (const path of paths) {
			const page = await browser.newPage();
			await page.addInitScript(() => {
				const seen: string[] = [];
				(window as unknown as { seen: string[] }).seen = seen;
				document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`));
			});
			await page.goto(origin + path, { waitUntil: 'networkidle' });
			found[path] = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
			await page.close();
		}
	} finally {
		await browser.close();
	}
	return found;
}

/** Median Lighthouse scores of several runs on a URL, each in a fresh Chromium. */
async function lighthouseMedian(url: string, skipAudits: string[] = []): Promise<Record<Category, number>> {
	const runs: Partial<Record<Category, number>>[] = [];
	for (let i = 0; i < lighthouseRuns; i++) {
		const chrome = await launchChromium();
		try {
			runs.push((await lighthouseRun(url, chrome.port, CATEGORIES, skipAudits)).scores);
		} finally {
			chrome.kill();
		}
	}
	return Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r[c] ?? 0))])) as Record<Category, number>;
}

const started = new Date();
const lines: string[] = [];
const say = (line = '') => lines.push(line);

log('building the plain Starlight site…');
const plainBuild = buildBaseline(join(out, 'baseline'));
const plainCsp = buildBaseline(join(out, 'baseline-astro-csp'), { astroCsp: true });
const today = buildVariant('today', () => "today's content");
const variants = quick ? [] : [buildVariant('releases-100', withReleases(100)), buildVariant('releases-1000', withReleases(1000)), buildVariant('steps-x10', tenfoldSteps)];

const dist = join(today.dir, 'dist');
const plain = pageWeight(plainBuild.dist, '/') as PageWeight;
const starlight = scriptHashes(plainBuild.dist);
const site = await serve(dist);
const plainSite = await serve(plainBuild.dist);
const plainCspSite = await serve(plainCsp.dist);

say('# Benchmark results');
say();
say(`Measured by \`npm run bench\` on ${started.toISOString().slice(0, 10)}${quick ? ' (quick run)' : ''}: Node ${process.version}, Chromium at ${chromiumPath === '/usr/bin/chromium' ? "Debian's package" : 'CHROMIUM_PATH'}, ${(await import('node:os')).cpus().length} cores. How each figure is taken: [bench/README.md](README.md).`);
say();
say('## Bytes per page type');
say();
say(`Raw / gzipped. "Our JS" is JS beyond plain Starlight's, the budgeted figure (${Math.round(budgets.toolJsGz / 1024)} KB gzipped on a page with a tool, ${budgets.noToolJsGz} on a page without). "First visit" is what Chromium transfers by network idle, served with gzip.`);
say();
say(row(['page type', 'path', 'HTML', 'CSS', 'JS (all, on load)', 'JS on demand', 'our JS', 'JS vs plain (gz)', 'first visit', 'vs plain']));
say(row(Array.from({ length: 10 }, () => '---')));
const plainTransfer = await transferred(plainSite.origin, '/');
const plainVisit = plainTransfer.visit;
recordPlainVisit(plainVisit, started);
const ratio = (n: number) => `${n - plainVisit >= 0 ? '+' : ''}${kb(n - plainVisit)} (×${(n / plainVisit).toFixed(2)})`;
say(row(['plain Starlight', '/', pair(plain.html), pair(total(plain.css)), pair(total(plain.js)), pair(total(plain.onDemand)), '—', '—', kb(plainVisit), '—']));
let stage: { path: string; transfer: Transfer } | undefined;
for (const type of pages) {
	const page = pageWeight(dist, type.path);
	if (!page) {
		say(row([type.name, type.path, 'not built', '', '', '', '', '', '', '']));
		continue;
	}
	const share = jsShare(page, plain, starlight);
	const js = total(page.js).gz;
	const visit = await transferred(site.origin, type.path, type.name === 'stage');
	if (type.name === 'stage') stage = { path: type.path, transfer: visit };
	const diff = js - total(plain.js).gz;
	say(
		row([
			type.name,
			type.path,
			pair(page.html),
			pair(total(page.css)),
			pair(total(page.js)),
			pair(total(page.onDemand)),
			`${share.ours.gz} B`,
			`${diff >= 0 ? '+' : ''}${diff} B (×${(js / total(plain.js).gz).toFixed(2)})`,
			kb(visit.visit),
			ratio(visit.visit),
		]),
	);
	if (type.name === 'stage') say(row([`stage, visit and first tick`, type.path, '', '', '', '', '', '', `${kb(visit.visit)} + ${kb(visit.tick)} = ${kb(visit.visit + visit.tick)}`, ratio(visit.visit + visit.tick)]));
}
say();
if (stage) {
	say('### What the stage page transfers, by kind, beside plain Starlight');
	say();
	say('Transferred bytes (headers included, gzipped as sent). The first tick signs step 1 by keyboard, answering the name, role and sign-off panel, until the event is recorded, then waits for network idle again.');
	say();
	const kinds = ['HTML', 'CSS', 'JS', 'data', 'other'];
	say(row(['', ...kinds, 'requests', 'total']));
	say(row(Array.from({ length: kinds.length + 3 }, () => '---')));
	const line = (label: string, t: Transfer, origin: string, phase?: 'visit' | 'tick') => {
		const sums = byKind(t, origin, phase);
		const count = t.responses.filter((r) => !phase || r.phase === phase).length;
		say(row([label, ...kinds.map((k) => (sums[k] ? kb(sums[k]!) : '—')), count, kb(Object.values(sums).reduce((a, b) => a + b, 0))]));
	};
	line('plain Starlight, first visit', plainTransfer, plainSite.origin);
	line('stage page, first visit', stage.transfer, site.origin, 'visit');
	line('stage page, first tick', stage.transfer, site.origin, 'tick');
	line('stage page, both', stage.transfer, site.origin);
	say();
}
{
	// One bundle per page helps a first visit; this shows what it costs a reader who goes on to other kinds of page.
	const walkPaths = ['/', '/stages/preparation/', '/stages/validation/', '/roles/', '/record/', '/tickets/val-request/', '/day/'];
	const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
	const walk = await measureWalk(browser, site.origin, walkPaths.filter((p) => pageWeight(dist, p)));
	await browser.close();
	say('### A reader going from page to page');
	say();
	say('One browser profile visits these pages in turn, each to network idle, so what one page fetched is cached for the next: the bytes each visit transfers, headers included.');
	say();
	say(row([...walk.map((w) => w.path), 'total']));
	say(row(Array.from({ length: walk.length + 1 }, () => '---')));
	say(row([...walk.map((w) => kb(w.bytes)), kb(walk.reduce((n, w) => n + w.bytes, 0))]));
	say();
}
say('## Build time and output size as content grows');
say();
say(`Each figure is the fastest of ${buildRuns} cold \`astro build\` runs (no cache) of a copy of the project, one after another on this machine.`);
say();
say(row(['content', 'pages', 'build time', 'output', 'files']));
say(row(['---', '---', '---', '---', '---']));
say(row(['plain Starlight, one page', 1, `${(plainBuild.ms / 1000).toFixed(1)} s`, kb(folderSize(plainBuild.dist).bytes), folderSize(plainBuild.dist).files]));
for (const v of [today, ...variants]) say(row([v.what, v.pages, `${(v.ms / 1000).toFixed(1)} s`, kb(v.bytes), v.files]));
if (quick) say(row(['(scaling builds skipped: --quick)', '', '', '', '']));
say();

log('measuring CSP violations…');
const ourViolations = await violations(site.origin, pages.filter((t) => pageWeight(dist, t.path)).map((t) => t.path));
const astroCspViolations = await violations(plainCspSite.origin, ['/']);
say('## Content-Security-Policy violations on load');
say();
say(row(['site', 'policy', 'violations']));
say(row(['---', '---', '---']));
const astroList = astroCspViolations['/']!;
const byDirective = (list: string[]) => Object.entries(list.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v.split(' ')[0]!]: (acc[v.split(' ')[0]!] ?? 0) + 1 }), {})).map(([d, n]) => `${n} ${d}`).join(', ');
say(row(['plain Starlight, one page', "Astro's `security.csp`", `${astroList.length}${astroList.length ? ` (${byDirective(astroList)})` : ''}`]));
for (const [path, list] of Object.entries(ourViolations)) say(row([`playbook ${path}`, 'src/integrations/csp.ts', `${list.length}${list.length ? ` (${byDirective(list)})` : ''}`]));
say();

log(`running Lighthouse (${lighthouseRuns} run(s) per page)…`);
say(`## Lighthouse (mobile), median of ${lighthouseRuns} run${lighthouseRuns > 1 ? 's' : ''}`);
say();
say('Offline against the local build served with gzip; Lighthouse\'s default mobile emulation and simulated throttling.');
say();
say(row(['page type', 'path', 'performance', 'accessibility', 'best practices', 'SEO']));
say(row(['---', '---', '---', '---', '---', '---']));
const plainScores = await lighthouseMedian(`${plainSite.origin}/`);
say(row(['plain Starlight', '/', ...CATEGORIES.map((c) => plainScores[c])]));
for (const type of pages) {
	if (!pageWeight(dist, type.path)) continue;
	const scores = await lighthouseMedian(site.origin + type.path, type.noindex ? NOINDEX_SKIPS : []);
	say(row([type.noindex ? `${type.name} (noindex: "${NOINDEX_SKIPS.join('", "')}" not scored)` : type.name, type.path, ...CATEGORIES.map((c) => scores[c])]));
}
say();

log('measuring a first search…');
say('## A first search');
say();
say('On a page just visited: open the search with Ctrl+K, wait a second as a reader would, and type a query that has results (the playbook: "lab data transfers" on a stage page; plain Starlight, whose one page is all its index holds: "paragraph"). Bytes are gzipped as a host sends them; the time runs from the query reaching the field to the first result on screen, the median of five fresh visits.');
say();
say(row(['site', "Pagefind's files", 'index', 'our code', 'total', 'typing → first result']));
say(row(['---', '---', '---', '---', '---', '---']));
{
	const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
	for (const [name, origin, path, kind, query] of [
		['plain Starlight', plainSite.origin, '/', 'starlight', 'paragraph'],
		['playbook', site.origin, '/stages/day-of-upgrade/', 'playbook', 'lab data transfers'],
	] as const) {
		const runs = [];
		for (let i = 0; i < 5; i++) runs.push(await firstSearch(browser, origin + path, query, kind));
		const first = runs[0]!;
		say(row([name, kb(first.pagefind), kb(first.index), kb(first.code), kb(first.pagefind + first.index + first.code), `${Math.round(median(runs.map((r) => r.ms)))} ms`]));
	}
	await browser.close();
}
say();

log('measuring search relevance…');
say('## Search relevance');
say();
say('The queries of [bench/relevance/set.yaml](relevance/set.yaml) typed into the search page; a query counts at 3 when an answer it names is among its first three results. Before any ranking change the set scored recall at 3 0.69 and MRR 0.63 ([relevance/baseline.md](relevance/baseline.md), every query with its rank); now:');
say();
say(relevanceReport(await measureRelevance(dist)));
say();

await Promise.all([site.close(), plainSite.close(), plainCspSite.close()]);
for (const v of [today, ...variants]) rmSync(v.dir, { recursive: true, force: true });

const report = `${lines.join('\n')}\n`;
process.stdout.write(report);
writeFileSync(join(projectRoot, 'bench', 'results.md'), report);
log(`written to bench/results.md in ${Math.round((Date.now() - started.getTime()) / 1000)} s`);
