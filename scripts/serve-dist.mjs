// A small static server for dist/, used by the browser tests and the benchmark so that
// they can run beside a developer's `npm start` (Astro allows one preview server at a time).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 4329);
const types = {
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

/** Maps a URL path to a file under root, or undefined when there is none. */
function fileFor(urlPath) {
	const path = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
	let file = join(root, path);
	if (!file.startsWith(root)) return undefined;
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

createServer((req, res) => {
	const urlPath = req.url ?? '/';
	const file = fileFor(urlPath);
	if (!file) {
		const notFound = join(root, '404.html');
		res.writeHead(404, { 'content-type': types['.html'] });
		if (existsSync(notFound)) createReadStream(notFound).pipe(res);
		else res.end('Not found');
		return;
	}
	// A directory asked for without its slash redirects, as static hosts do.
	if (!urlPath.split('?')[0].endsWith('/') && file.endsWith('index.html') && !urlPath.endsWith('index.html')) {
		res.writeHead(301, { location: `${urlPath.split('?')[0]}/` });
		res.end();
		return;
	}
	res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
	createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} on http://localhost:${port}/`));
