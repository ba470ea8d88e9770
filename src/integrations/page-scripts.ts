/**
 * One script file per page. Astro gives every component's script its own module and splits what
 * those modules share into chunks by which pages share them, so a stage page fetched fifteen small
 * files on a visit and nine more on its first tick, each with its own headers and its own gzip
 * dictionary. Once the pages are written, this bundles each page's module scripts (files and inline
 * ones, in the order the page runs them) into one file with Rolldown, the bundler Vite itself runs,
 * which also drops whatever that page never uses of the shared chunks. Pages that run the same
 * scripts share the file; what a page imports on demand stays on demand, in chunks of its own.
 * Classic scripts (Starlight's theme and sidebar restorers, which must run before first paint) are
 * left where they are.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rolldown, type OutputChunk } from 'rolldown';
import { builtAsset, builtElements, replaceElements, slashed } from './html-tags.ts';

/** A module script of a page: where its element lies in the HTML, and its file or its inline code. */
export interface ModuleScript {
	start: number;
	end: number;
	src?: string;
	code?: string;
}

/** The page's `<script type="module">` elements in document order, comments skipped. */
export function moduleScripts(html: string): ModuleScript[] {
	return builtElements(html)
		.filter((el) => el.name === 'script' && el.attrs.get('type')?.trim().toLowerCase() === 'module')
		.map(({ start, end, attrs, text }) => {
			const src = attrs.get('src');
			return { start, end, ...(src === undefined ? { code: text } : { src }) };
		});
}

/** The page with its module scripts replaced by one, where the first of them stood. */
export function replaceScripts(html: string, scripts: readonly ModuleScript[], src: string): string {
	return replaceElements(html, [{ elements: scripts, with: `<script type="module" src="${src}"></script>` }]);
}

/** What tells one page's scripts from another's: the same files and inline code in the same order share a bundle. */
export function scriptsKey(scripts: readonly ModuleScript[]): string {
	return createHash('sha256')
		.update(JSON.stringify(scripts.map((s) => s.src ?? { code: s.code })))
		.digest('hex');
}

/**
 * Vite wraps every dynamic import in its preload helper, with a list of the chunk files the imported code needs
 * (Astro turns Vite's `modulePreload: false` back on). Here those files are folded into the bundle, so the helper
 * would fetch files no page uses any more: it becomes a plain call and the lists empty ones.
 */
export function withoutPreloads(code: string, id: string): string | undefined {
	if (/[\\/]preload-helper\.[\w-]+\.js$/.test(id)) {
		const exported = /export\s*\{\s*([\w$]+)\s+as\s+([\w$]+)\s*\}\s*;?\s*$/.exec(code);
		if (!exported) throw new Error(`Vite's preload helper (${id}) no longer has the one export this build replaces.`);
		return `const ${exported[1]}=(load)=>load();export{${exported[1]} as ${exported[2]}};`;
	}
	if (!code.includes('__vite__mapDeps')) return undefined;
	const next = code.replace(/^const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[[^\]]*\]\)\)\)=>i\.map\(i=>d\[i\]\);/, 'const __vite__mapDeps=()=>[];');
	if (next === code) throw new Error(`${id} lists what its dynamic imports preload in a form this build does not know.`);
	return next;
}

const ENTRY = '\0page-scripts-entry';
const INLINE = '\0page-scripts-inline-';

/** A chunk's name without the content hash Vite gave it (`sign-flow.C5BK4gb4` → `sign-flow`): the new file gets its own. */
const bareName = (name: string) => name.replace(/\.[\w-]{8}$/, '');

/**
 * Bundles one page's scripts into `assets` (the built `_astro` folder, served at `assetsPath`): the file names written, entry first,
 * and the built files whose code went into them.
 */
async function bundle(scripts: readonly ModuleScript[], fileOf: (src: string) => string, assets: string, assetsPath: string): Promise<{ files: string[]; consumed: string[] }> {
	const entry = scripts.map((s, n) => `import ${JSON.stringify(s.src === undefined ? `${INLINE}${n}` : fileOf(s.src))};`).join('\n');
	const build = await rolldown({
		input: { page: ENTRY },
		// A page's entry exports nothing, so what its on-demand chunks share with it can stay in it, not in a chunk apart.
		preserveEntrySignatures: false,
		// The inputs are already built for the browser; only warnings that mean broken code should stop the build.
		onLog: (level, log, handler) => {
			if (level === 'warn' && log.code !== 'CIRCULAR_DEPENDENCY') handler('error', log);
		},
		plugins: [
			{
				name: 'page-scripts',
				// Inline scripts name the site's files by URL path, as the browser would fetch them.
				resolveId: (id) => (id === ENTRY || id.startsWith(INLINE) ? id : id.startsWith(assetsPath) ? fileOf(id) : null),
				load: (id) => (id === ENTRY ? entry : id.startsWith(INLINE) ? scripts[Number(id.slice(INLINE.length))]!.code! : null),
				transform: (code, id) => withoutPreloads(code, id) ?? null,
			},
		],
	});
	try {
		const { output } = await build.write({
			dir: assets,
			format: 'es',
			minify: true,
			entryFileNames: 'page.[hash].js',
			// Everything the page runs on load in one file, however Rolldown would otherwise split what on-demand chunks share with it.
			codeSplitting: { groups: [{ name: 'page', tags: ['$initial'] }] },
			chunkFileNames: (chunk) => `${bareName(chunk.name)}.[hash].js`,
		});
		// The entry first: it is the file the page loads.
		const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk').sort((a, b) => Number(b.isEntry) - Number(a.isEntry));
		return { files: chunks.map((c) => c.fileName), consumed: chunks.flatMap((c) => Object.keys(c.modules)).filter((id) => !id.startsWith('\0')) };
	} finally {
		await build.close();
	}
}

/** What bundling a built site's pages did: pages rewritten, bundles made, built files folded in and removed. */
export interface Bundled {
	pages: number;
	bundles: number;
	folded: number;
}

/** Bundles the module scripts of every page of the built site in `out` (served under `base`), one file per set of scripts. */
export async function bundlePageScripts(out: string, base: string): Promise<Bundled> {
	const assets = join(out, '_astro');
	const fileOf = (src: string) => builtAsset(out, base, src, 'loads the script');
	const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
	const bundles = new Map<string, Promise<{ files: string[]; consumed: string[] }>>();
	const written: { file: string; html: string; scripts: ModuleScript[]; key: string }[] = [];
	for (const page of pages) {
		const file = join(out, page);
		const html = readFileSync(file, 'utf8');
		const scripts = moduleScripts(html);
		if (!scripts.length) continue;
		const key = scriptsKey(scripts);
		if (!bundles.has(key)) bundles.set(key, bundle(scripts, fileOf, assets, `${base}_astro/`));
		written.push({ file, html, scripts, key });
	}
	// All settled before any is read: one failing must not leave the others' failures unhandled.
	const built = new Map(await Promise.all([...bundles].map(async ([key, pending]) => [key, await pending] as const)));
	for (const { file, html, scripts, key } of written) writeFileSync(file, replaceScripts(html, scripts, `${base}_astro/${built.get(key)!.files[0]}`));
	// The files whose code now lives in the bundles are no longer fetched by any page; anything else is kept.
	const kept = new Set([...built.values()].flatMap((b) => b.files.map((f) => join(assets, f))));
	const consumed = new Set([...built.values()].flatMap((b) => b.consumed).filter((f) => f.startsWith(assets) && !kept.has(f)));
	for (const f of consumed) rmSync(f, { force: true });
	return { pages: written.length, bundles: built.size, folded: consumed.size };
}

/** Bundles every built page's module scripts into one file per set of scripts; registered before the policy, which hashes what is left inline. */
export function pageScripts(): AstroIntegration {
	let base = '/';
	return {
		name: 'playbook-page-scripts',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = slashed(config.base);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const done = await bundlePageScripts(fileURLToPath(dir), base);
				logger.info(`Bundled the scripts of ${done.pages} pages into ${done.bundles} files (${done.folded} chunk files folded in).`);
			},
		},
	};
}
