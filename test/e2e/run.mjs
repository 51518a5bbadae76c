#!/usr/bin/env node
// Runs the end-to-end suite: makes sure Debian's Chromium is there (installs it when running as
// root, as CI does), builds the extension, then runs Playwright against the built folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt = false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (!isRoot || !hasApt) {
    console.error(`Chromium not found at ${CHROMIUM}: install it with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH) and run npm test again.`);
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian chromium with apt-get...');
  sh('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
}

sh('npx', ['wxt', 'build']);
sh('npx', ['playwright', 'test', ...process.argv.slice(2)], { env: { ...process.env, CHROMIUM_PATH: CHROMIUM } });
