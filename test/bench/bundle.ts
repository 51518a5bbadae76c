/**
 * Scenario 6: what each entry point loads from the built extension (.output/chrome-mv3), raw and
 * gzipped (level 9), in kB of 1,000 bytes. An entry's size is its own file plus every chunk it imports statically
 * (transitively) — what the browser must fetch and parse before it runs; pages add their HTML
 * and CSS. Chunks only loaded with import() are listed apart, as "lazy".
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { raw, targeted, type Entry } from './report';

/**
 * Static imports of a built ES module (`import … from "./x.js"`, `import "./x.js"`, `export … from`),
 * minified too: `import{a as b}from"./chunks/x.js"` has no space before `from`.
 */
const STATIC = /(?:^|[;\s}])(?:import|export)\s*(?:[^'"`;()]*?from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC = /import\(\s*["']([^"']+\.js)["']\s*\)/g;

function closure(entry: string): { files: Set<string>; lazy: Set<string> } {
  const files = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC)) visit(path.resolve(path.dirname(file), m[1]!));
    for (const m of text.matchAll(DYNAMIC)) lazy.add(path.resolve(path.dirname(file), m[1]!));
  };
  visit(entry);
  for (const f of files) lazy.delete(f);
  return { files, lazy };
}

/** An HTML page's module script, preloads and stylesheets (root-relative in WXT's output). */
function pageFiles(extDir: string, html: string): { scripts: string[]; other: string[] } {
  const text = readFileSync(html, 'utf8');
  const abs = (href: string) => path.join(extDir, href.replace(/^\//, ''));
  const scripts = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => abs(m[1]!));
  const css = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => abs(m[1]!));
  return { scripts, other: [html, ...css] };
}

function sizes(files: Iterable<string>): { raw: number; gzip: number } {
  let rawBytes = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    rawBytes += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { raw: rawBytes, gzip: gz };
}

/** kB = 1,000 bytes (the stricter reading of the 20 KB target). */
const KB = 1000;

/** Sizes of the build in `extDir` (a copy of .output/chrome-mv3). */
export function bundleScenario(extDir: string, log: (s: string) => void): Entry[] {
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
    action?: { default_popup?: string };
    options_ui?: { page?: string };
  };
  const out: Entry[] = [];
  const report = (name: string, files: Set<string>, lazy: Set<string>, isContent: boolean) => {
    const s = sizes(files);
    const l = sizes(lazy);
    const list = [...files].map((f) => path.relative(extDir, f)).join(', ');
    log(`bundle ${name}: ${(s.raw / KB).toFixed(1)} kB raw, ${(s.gzip / KB).toFixed(1)} kB gzip (${list})${lazy.size ? `; lazy ${(l.raw / KB).toFixed(1)} kB raw, ${(l.gzip / KB).toFixed(1)} kB gzip` : ''}`);
    // In bytes: rounded to 0.1 kB, a script a few bytes under the bar would read "20.0 kB".
    if (isContent) out.push({ ...targeted(`Bundle: ${name} (gzip -9)`, s.gzip / KB, 'kB', null, '< 20 kB gzip', () => s.gzip < 20 * KB), display: `${s.gzip.toLocaleString('en-US')} B` });
    else out.push(raw(`Bundle: ${name} (gzip -9)`, s.gzip / KB, 'kB'));
    out.push(raw(`Bundle: ${name} (raw)`, s.raw / KB, 'kB'));
    if (lazy.size) out.push(raw(`Bundle: ${name}, loaded later with import() (gzip -9)`, l.gzip / KB, 'kB'));
  };

  // Each content_scripts entry is what one kind of page gets injected; the target applies to each.
  // Its CSS files count too: the browser injects them with it.
  const groups = (manifest.content_scripts ?? []).filter((c) => (c.js ?? []).length > 0).map((c) => ({ js: c.js ?? [], css: c.css ?? [] }));
  for (const { js, css } of groups) {
    const files = new Set<string>(css.map((f) => path.join(extDir, f)));
    const lazy = new Set<string>();
    for (const f of js) {
      const c = closure(path.join(extDir, f));
      c.files.forEach((x) => files.add(x));
      c.lazy.forEach((x) => lazy.add(x));
    }
    const name = groups.length === 1 ? 'content script' : `content script ${js.map((f) => path.basename(f)).join(' + ')}`;
    report(name, files, lazy, true);
  }

  const sw = manifest.background?.service_worker;
  if (sw) {
    const c = closure(path.join(extDir, sw));
    report('background', c.files, c.lazy, false);
  }

  for (const [name, page] of [
    ['popup', manifest.action?.default_popup ?? 'popup.html'],
    ['options', manifest.options_ui?.page ?? 'options.html'],
  ] as const) {
    const html = path.join(extDir, page);
    if (!existsSync(html)) {
      out.push(raw(`Bundle: ${name} (gzip -9)`, null, 'kB', null, `no ${page} in the build`));
      continue;
    }
    const { scripts, other } = pageFiles(extDir, html);
    const files = new Set<string>(other);
    const lazy = new Set<string>();
    for (const s of scripts) {
      const c = closure(s);
      c.files.forEach((f) => files.add(f));
      c.lazy.forEach((f) => lazy.add(f));
    }
    for (const f of files) lazy.delete(f);
    report(`${name} (HTML + JS + CSS)`, files, lazy, false);
  }
  return out;
}
