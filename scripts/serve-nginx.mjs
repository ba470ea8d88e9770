// Serves a built site with nginx and the repository's deploy/nginx.conf, as a host would, for the
// browser tests: `node scripts/serve-nginx.mjs dist 4339`, or for a build made with BASE_PATH,
// `node scripts/serve-nginx.mjs dist-base 4349 --base /playbook/` (served under that path).
// It needs no root: nginx gets its own prefix, pid file and temp folders in a temporary folder,
// and runs in the foreground until stopped.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const base = args.includes('--base') ? args.splice(args.indexOf('--base'), 2)[1].replace(/^\/+|\/+$/g, '') : '';
const dist = resolve(args[0] ?? 'dist');
const port = Number(args[1] ?? 4339);
const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const site = readFileSync(new URL('../deploy/nginx.conf', import.meta.url), 'utf8');

/** Replaces the one line of the site config a host sets, failing loudly if it is not there exactly once. */
function setLine(text, pattern, line) {
	const found = text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
	if (found !== 1) throw new Error(`deploy/nginx.conf: expected one line matching ${pattern}, found ${found}`);
	return text.replace(new RegExp(pattern.source, 'm'), line);
}

// One folder per port: a run that was killed (the test runner ends its servers with SIGKILL)
// leaves its folder behind, and the next server on that port starts by clearing it.
const prefix = join(tmpdir(), `playbook-nginx-${port}`);
rmSync(prefix, { recursive: true, force: true });
mkdirSync(prefix);
// Run as root, nginx reads files as an unprivileged worker user, which must be able to pass through.
chmodSync(prefix, 0o755);
// Under a base path the host's root holds the site in that folder, as the README's Deploy section says.
let root = dist;
if (base) {
	root = join(prefix, 'root');
	mkdirSync(join(root, dirname(base)), { recursive: true });
	symlinkSync(dist, join(root, base));
}

let server = setLine(site, /^\s*listen 80;.*$/, `\tlisten 127.0.0.1:${port};`);
server = setLine(server, /^\s*listen \[::\]:80;.*$/, '');
server = setLine(server, /^\s*root .*;.*$/, `\troot ${JSON.stringify(root)};`);
if (base) server = setLine(server, /^\s*error_page 404 \/404\.html;$/, `\terror_page 404 /${base}/404.html;`);

for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
const conf = join(prefix, 'nginx.conf');
writeFileSync(
	conf,
	`worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${join(prefix, 'body')};
	proxy_temp_path ${join(prefix, 'proxy')};
	fastcgi_temp_path ${join(prefix, 'fastcgi')};
	uwsgi_temp_path ${join(prefix, 'uwsgi')};
	scgi_temp_path ${join(prefix, 'scgi')};
${server}
}
`,
);

const child = spawn(nginx, ['-p', prefix, '-c', conf, '-e', 'stderr', '-g', 'daemon off;'], { stdio: 'inherit' });
const stop = () => child.kill('SIGQUIT');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code, signal) => {
	rmSync(prefix, { recursive: true, force: true });
	process.exit(code ?? (signal === 'SIGQUIT' ? 0 : 1));
});
console.log(`nginx serving ${dist} on http://127.0.0.1:${port}/${base ? `${base}/` : ''} with deploy/nginx.conf`);
