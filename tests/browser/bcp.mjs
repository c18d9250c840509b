// Opens Banana Cake Pop the way a developer does (a browser at <baseUrl>/graphql), waits for it
// to load the schema, runs a query from the editor and checks the response pane shows what the
// server answers. Prints one JSON verdict line; exits 0 only when ok.
//
//   node bcp.mjs <baseUrl> [screenshot.png]
//
// Uses Debian's chromium (apt-get install chromium); CHROMIUM overrides the path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, screenshot = path.join(os.tmpdir(), `bcp-${process.pid}.png`)] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node bcp.mjs <baseUrl> [screenshot.png]');
  process.exit(2);
}

const performerId = 'UGVyZm9ybWVyOjE='; // Base64 of "Performer:1", present in the demo data
const query = `query Performer {\n  performerById(id: "${performerId}") {\n    id\n    name\n    genre\n  }\n}\n`;
const verdict = { ok: false, baseUrl, landedOn: null, schemaLoaded: false, expectedName: null, responseText: null, screenshot, errors: [] };

// What the server itself answers, so the check is "the IDE shows the server's result".
async function expectedName() {
  const response = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  return body?.data?.performerById?.name ?? null;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bcp-profile-'));
let context;
try {
  verdict.expectedName = await expectedName();
  if (!verdict.expectedName) {
    throw new Error(`the server returned no performer ${performerId}; is the demo data loaded?`);
  }

  // Flags that let Chromium run as root here without reaching for Google's services.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', error => verdict.errors.push(String(error).slice(0, 300)));

  await page.goto(new URL('/graphql', baseUrl).href, { waitUntil: 'load' });
  verdict.landedOn = page.url();

  // BCP's first visit installs a service worker and reloads once; act only after that.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  await page.waitForLoadState('load');

  await page.getByRole('button', { name: 'Create Document' }).click({ timeout: 60_000 });
  await page.getByText('Schema available').waitFor({ timeout: 60_000 });
  verdict.schemaLoaded = true;

  // Pasted into the request editor (the first Monaco editor), as a developer would; typing would
  // fight Monaco's bracket auto-closing and indentation.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  await page.evaluate(text => navigator.clipboard.writeText(text), query);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');

  // Run only once BCP has analysed the pasted document (its builder lists the operation);
  // earlier, it sends the previous, empty document.
  await page.getByText(/Performer:\s*Query/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Run Operation/ }).click();

  // The response pane is another Monaco editor; Monaco renders spaces as no-break spaces.
  const shown = await page.waitForFunction(name => [...document.querySelectorAll('.monaco-editor .view-lines')]
    .map(lines => lines.innerText.replace(/\u00a0/g, ' '))
    .find(text => text.includes(name)), verdict.expectedName, { timeout: 30_000, polling: 250 });
  verdict.responseText = await shown.jsonValue();
  verdict.ok = verdict.responseText.includes('"performerById"') && verdict.responseText.includes(`"name": "${verdict.expectedName}"`);
} catch (error) {
  verdict.errors.push(String(error?.message ?? error).split('\n')[0]);
} finally {
  try {
    await context?.pages()[0]?.screenshot({ path: screenshot });
  } catch (error) {
    verdict.screenshot = null;
    verdict.errors.push(`screenshot: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  await context?.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

console.log(JSON.stringify(verdict));
process.exit(verdict.ok ? 0 : 1);
