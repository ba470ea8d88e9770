/**
 * A static server for a built site that compresses text with gzip and caches the build's hashed
 * files, as production hosts do (deploy/nginx.conf), so
 * that the bytes a first visit transfers and Lighthouse's scores are those a reader would get.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
};
const TEXT = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

/** A running server: its origin and how to stop it. */
export interface Served {
	origin: string;
	close: () => Promise<void>;
}

/** Serves dir on a free loopback port, gzipping text when the client accepts it. */
export function serve(dir: string): Promise<Served> {
	const root = resolve(dir);
	const server: Server = createServer((req, res) => {
		const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]!);
		let file = join(root, normalize(urlPath).replace(/^(\.\.[/\\])+/, ''));
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		const found = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
		if (!found) file = join(root, '404.html');
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const gzip = TEXT.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		// Cached as deploy/nginx.conf has it: the build's hashed files for good, pages checked again on every visit.
		const cache = found && /\/_astro\//.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
		res.writeHead(found ? 200 : 404, { 'content-type': type, 'cache-control': cache, ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
		if (!existsSync(file)) return void res.end('Not found');
		const stream = createReadStream(file);
		if (gzip) stream.pipe(createGzip()).pipe(res);
		else stream.pipe(res);
	});
	return new Promise((done) =>
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			done({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((closed) => server.close(() => closed())) });
		}),
	);
}
