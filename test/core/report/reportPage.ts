// report.html opened in chromium as a reader would open it: from a file, with nothing from the
// network (a request for anything but the file is refused and recorded), CSP violations, page
// errors and console errors recorded. One browser serves every report test of a process (launched
// on first use, closed after the last test): a launch costs seconds of CPU, the page milliseconds.
import { after } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

let browser: Promise<Browser> | undefined;
after(async () => { if (browser) await (await browser).close(); });

export interface ReportPage {
  page: Page;
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Console warnings (a library's complaints about a chart spec end up here). */
  warnings: string[];
  /** URLs the page asked for that were not its own file. */
  blocked: string[];
  violations(): Promise<string[]>;
  close(): Promise<void>;
}

/** Writes `html` to a temporary file and opens it in a fresh context of the shared browser. */
export async function openReport(html: string, options: BrowserContextOptions = {}): Promise<ReportPage> {
  browser ??= chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const dir = mkdtempSync(path.join(tmpdir(), 'actlab-report-'));
  const file = path.join(dir, 'report.html');
  writeFileSync(file, html);
  const context = await (await browser).newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  const blocked: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    else if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  await page.addInitScript(`window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));`);
  await page.goto(`file://${file}`);
  return {
    page,
    errors,
    warnings,
    blocked,
    violations: () => page.evaluate<string[]>('window.__violations'),
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
