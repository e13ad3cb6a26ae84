// `npm start`: the kiosk. In Electron when its runtime is installed; otherwise the host shell
// in the browser, with a local central gateway and an ID card simulator (no hardware here).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  const p = require('electron');
  if (typeof p === 'string' && existsSync(p)) electronBinary = p;
} catch {
  // npm ci leaves the runtime out (allowScripts); `npm run electron:install` downloads it
}

const build = (script) => {
  const r = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

build('build:renderer');
// The CLI and the central gateway run from dist/node (bin/yzt.mjs would rebuild a stale one on
// its own; building here says so up front instead of inside the first command).
build('build:node');
const args = process.argv.slice(2);
let child;
if (electronBinary) {
  build('build:electron');
  child = spawn(electronBinary, ['.', ...args], { stdio: 'inherit' });
} else {
  console.log('未安装 Electron 运行时，改为浏览器模式运行 (no Electron runtime installed: serving the kiosk in the browser, open the URL below; `npm run electron:install` adds the runtime)');
  child = spawn(process.execPath, ['bin/yzt.mjs', 'kiosk', 'serve', '--demo', '--port', process.env.PORT ?? '5173', ...args], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
