#!/usr/bin/env node
// Runs the end-to-end suites: makes sure Debian's Chromium, Firefox ESR and Firefox ESR 140 are
// there (installs them when running as root, as CI does; otherwise stops at once saying how),
// builds the extension for each browser, then runs Playwright against the Chromium build and the
// Firefox journeys (test/e2e/firefox, puppeteer-core over WebDriver BiDi) against the Firefox build
// in both Firefox versions. A missing browser fails the run: nothing is skipped.
//   npm run test:e2e [-- <playwright args>]   both suites
//   npm run test:e2e -- --chromium [...]       Chromium (Playwright) only
//   npm run test:e2e -- --firefox              Firefox only
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FIREFOX_ESR = process.env.FIREFOX_ESR_PATH || '/usr/bin/firefox-esr';
// ESR 140 is unpacked beside the installed ESR, not installed (the two would be one package).
const FIREFOX_140_DIR = '/opt/firefox-esr-140';
const FIREFOX_ESR_140 = process.env.FIREFOX_ESR140_PATH || `${FIREFOX_140_DIR}/usr/lib/firefox-esr/firefox-esr`;
const FIREFOX_140_VERSION = '140.12.0esr-1~deb12u1';

const args = process.argv.slice(2);
const only = args.includes('--chromium') ? 'chromium' : args.includes('--firefox') ? 'firefox' : null;
const playwrightArgs = args.filter((a) => a !== '--chromium' && a !== '--firefox');
const wantChromium = only !== 'firefox';
const wantFirefox = only !== 'chromium';

function sh(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function canInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return isRoot;
  } catch {
    return false;
  }
}

const missing = [
  wantChromium && !existsSync(CHROMIUM) && { name: 'Chromium', at: CHROMIUM, how: "'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)", apt: 'chromium' },
  wantFirefox && !existsSync(FIREFOX_ESR) && { name: 'Firefox ESR', at: FIREFOX_ESR, how: "'sudo apt-get install -y firefox-esr' (or set FIREFOX_ESR_PATH)", apt: 'firefox-esr' },
  wantFirefox && !existsSync(FIREFOX_ESR_140) && {
    name: 'Firefox ESR 140',
    at: FIREFOX_ESR_140,
    how: `'apt-get download firefox-esr=${FIREFOX_140_VERSION} && sudo dpkg -x firefox-esr_*.deb ${FIREFOX_140_DIR}' (or set FIREFOX_ESR140_PATH)`,
    apt: null,
  },
].filter(Boolean);

if (missing.length) {
  if (!canInstall()) {
    console.error(`${missing.map((m) => `${m.name} not found at ${m.at}: install it with ${m.how}`).join('; ')}; then run npm test again (run as root, it installs them itself).`);
    process.exit(1);
  }
  console.log(`Installing ${missing.map((m) => m.name).join(', ')} with apt-get...`);
  sh('sh', ['-c', 'apt-get update -qq']);
  const pkgs = missing.map((m) => m.apt).filter(Boolean);
  if (pkgs.length) sh('sh', ['-c', `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs.join(' ')} >/dev/null`]);
  if (missing.some((m) => m.name === 'Firefox ESR 140')) unpackFirefox140();
}

/** Download Debian's firefox-esr 140 package (the pinned version, else any 140.x the lists have) and unpack it. */
function unpackFirefox140() {
  const versions = execFileSync('apt-cache', ['madison', 'firefox-esr'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.split('|')[1]?.trim())
    .filter((v) => v && v.startsWith('140.'));
  const version = versions.includes(FIREFOX_140_VERSION) ? FIREFOX_140_VERSION : versions[0];
  if (!version) {
    console.error('Firefox ESR 140: no firefox-esr 140.x package in the apt lists (apt-cache madison firefox-esr); unpack one into /opt/firefox-esr-140 or set FIREFOX_ESR140_PATH.');
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'firefox-esr-140-'));
  try {
    sh('apt-get', ['download', '-qq', `firefox-esr=${version}`], { cwd: dir, stdio: ['ignore', 'inherit', 'ignore'] });
    const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
    if (!deb) {
      console.error(`Firefox ESR 140: apt-get download firefox-esr=${version} wrote no package.`);
      process.exit(1);
    }
    mkdirSync(FIREFOX_140_DIR, { recursive: true });
    sh('dpkg', ['-x', path.join(dir, deb), FIREFOX_140_DIR]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Both suites run even when the first fails; the run fails when either does.
let failed = false;
if (wantChromium) {
  sh('npx', ['wxt', 'build']);
  const r = spawnSync('npx', ['playwright', 'test', ...playwrightArgs], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: CHROMIUM } });
  failed ||= r.status !== 0;
}
if (wantFirefox) {
  sh('npx', ['wxt', 'build', '-b', 'firefox']);
  const r = spawnSync('npx', ['tsx', 'test/e2e/firefox/run.ts'], { stdio: 'inherit', env: { ...process.env, FIREFOX_ESR_PATH: FIREFOX_ESR, FIREFOX_ESR140_PATH: FIREFOX_ESR_140 } });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
