/**
 * The one way a page, a component or a script of the site writes an address of the site itself.
 * The site may be served under a path (`base` in astro.config.mjs, from BASE_PATH), so no code
 * writes a root-absolute address by hand: it passes the site path through `withBase`.
 */

/** Puts a site path such as `/stages/validation/#step-12` under the base path the site is built for. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
	if (!isSitePath(path)) return path;
	const prefix = base.replace(/^\/?/, '/').replace(/\/+$/, '');
	return prefix + path;
}

/** True for a root-absolute address of this site (`/roles/`), false for `//host/`, `https:`, `#id` or a relative one. */
export function isSitePath(url: string): boolean {
	return url.startsWith('/') && !url.startsWith('//');
}

/** Normalises a base path from the environment to `/` or `/a/b/` (leading and trailing slash). */
export function normaliseBase(raw: string | undefined): string {
	const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}
