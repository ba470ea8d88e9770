// Checks every internal link of a built site: each address of the site that a page links to or
// loads (a, link, script, img, form) names a file of the build, and each #anchor an id on the target
// page. Built under a base path, every internal address must also stay under it.
//
//   node scripts/check-links.mjs [dist] [--base /playbook/] [--report reports/links.json]
//
// Prints each broken link with its page, writes a report in the shape scripts/count-tests.mjs
// counts (one test per page), and exits 1 when anything is broken.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';

const LINKING = { a: ['href'], area: ['href'], link: ['href'], script: ['src'], img: ['src'], iframe: ['src'], source: ['src'], form: ['action'] };

/** The ids a page's anchors can land on, and the addresses it links to or loads, from its HTML. */
export function scanPage(html) {
	const ids = new Set();
	const links = [];
	const visit = (node) => {
		for (const attr of node.attrs ?? []) {
			if (attr.name === 'id' || (node.tagName === 'a' && attr.name === 'name')) ids.add(attr.value);
			if (LINKING[node.tagName]?.includes(attr.name)) links.push({ tag: node.tagName, url: attr.value.trim() });
		}
		// A <template>'s markup lives in its content fragment.
		for (const child of [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])]) visit(child);
	};
	visit(parse(html));
	return { ids, links };
}

/** The site address of a built HTML file: `stages/x/index.html` under base `/playbook/` is `/playbook/stages/x/`. */
export function pageAddress(file, base) {
	const path = file.split(sep).join('/');
	return base + (path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path);
}

/**
 * Where an internal link leads: the built file and the anchor, or why it is broken.
 * Returns null for a link that leaves the site (another scheme or host), which is not checked here.
 */
export function resolveLink(url, from, base, exists) {
	if (url === '' || /^(mailto|tel|data|javascript):/i.test(url)) return null;
	const target = new URL(url, `http://site.invalid${from}`);
	if (target.host !== 'site.invalid') return null;
	const hash = decodeURIComponent(target.hash.slice(1));
	const path = decodeURIComponent(target.pathname);
	if (!path.startsWith(base)) return { broken: `leaves the base path ${base}` };
	const rel = path.slice(base.length);
	const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
	if (!exists(file)) {
		if (exists(`${rel}/index.html`)) return { broken: 'names a folder without its trailing slash' };
		return { broken: 'no such file in the build' };
	}
	return { file, hash };
}

/** Every HTML file under a folder, relative to it. */
function htmlFiles(dir, root = dir) {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return htmlFiles(full, root);
		return name.endsWith('.html') ? [relative(root, full)] : [];
	});
}

/** Checks a whole build; returns one result per page with the problems found on it. */
export function checkSite(dist, base) {
	const files = htmlFiles(dist).sort();
	const pages = new Map(files.map((file) => [file.split(sep).join('/'), scanPage(readFileSync(join(dist, file), 'utf8'))]));
	const exists = (file) => pages.has(file) || (existsSync(join(dist, file)) && statSync(join(dist, file)).isFile());
	return [...pages].map(([file, { links }]) => {
		const from = pageAddress(file, base);
		const problems = [];
		let checked = 0;
		for (const { tag, url } of links) {
			const result = resolveLink(url, from, base, exists);
			if (result === null) continue;
			checked += 1;
			if ('broken' in result) problems.push(`<${tag}> ${url}: ${result.broken}`);
			else if (result.hash && tag === 'a' && pages.has(result.file) && !pages.get(result.file).ids.has(result.hash)) {
				problems.push(`<${tag}> ${url}: no id "${result.hash}" on ${result.file}`);
			}
		}
		return { page: from, checked, problems };
	});
}

/** Reads the command line, checks, prints, writes the report; the exit code says whether all links hold. */
function main(args) {
	const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
	const positional = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
	const dist = positional[0] ?? 'dist';
	const base = `/${(option('--base', '/') ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
	const reportFile = option('--report', join('reports', `links${base === '/' ? '' : `-${base.replace(/\//g, '')}`}.json`));
	if (!existsSync(join(dist, 'index.html'))) {
		console.log(`${dist}: no built site to check (build it first)`);
		process.exit(1);
	}
	const results = checkSite(dist, base);
	const failed = results.filter((r) => r.problems.length);
	for (const r of failed) for (const problem of r.problems) console.log(`Broken link on ${r.page}: ${problem}`);
	const links = results.reduce((sum, r) => sum + r.checked, 0);
	mkdirSync(dirname(reportFile), { recursive: true });
	writeFileSync(
		reportFile,
		JSON.stringify({ numPassedTests: results.length - failed.length, numFailedTests: failed.length, numPendingTests: 0, base, links, results }, null, 2),
	);
	console.log(`links (${dist}, base ${base}): ${links} internal links on ${results.length} pages; ${results.length - failed.length} passed, ${failed.length} failed`);
	process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
