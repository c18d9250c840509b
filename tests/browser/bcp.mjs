// Opens Banana Cake Pop the way a developer does (a browser at <baseUrl>/graphql), waits for it
// to load the schema, runs a query from the editor and checks the response pane shows what the
// server answers; then runs a seat-map subscription, reserves a seat over HTTP and checks the
// change shows up in the response pane. Prints one JSON verdict line; exits 0 only when ok.
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
const verdict = {
  ok: false, baseUrl, landedOn: null, schemaLoaded: false, expectedName: null, responseText: null,
  subscription: { eventId: null, seatId: null, transport: null, currentShown: null, changeShown: null }, screenshot, errors: [],
};

async function graphql(body, token) {
  const response = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json', accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await response.json())?.data;
}

// What the server itself answers, so the check is "the IDE shows the server's result".
async function expectedName() {
  return (await graphql({ query }))?.performerById?.name ?? null;
}

// The response pane is a Monaco editor; Monaco renders spaces as no-break spaces.
function responsePaneShowing(page, texts) {
  return page.waitForFunction(wanted => [...document.querySelectorAll('.monaco-editor .view-lines')]
    .map(lines => lines.innerText.replace(/\u00a0/g, ' '))
    .find(text => wanted.every(w => text.includes(w))), texts, { timeout: 30_000, polling: 250 });
}

// Pasted into the request editor (the first Monaco editor), as a developer would; typing would
// fight Monaco's bracket auto-closing and indentation.
async function paste(page, text) {
  await page.evaluate(t => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
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
  // Which transport BCP picks for subscriptions (its settings allow WebSocket or SSE).
  page.on('websocket', socket => { verdict.subscription.transport ??= `websocket ${socket.url()}`; });
  page.on('request', request => {
    if ((request.headers().accept ?? '').includes('text/event-stream')) verdict.subscription.transport ??= `sse ${request.url()}`;
  });

  await page.goto(new URL('/graphql', baseUrl).href, { waitUntil: 'load' });
  verdict.landedOn = page.url();

  // BCP's first visit installs a service worker and reloads once; act only after that.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  await page.waitForLoadState('load');

  await page.getByRole('button', { name: 'Create Document' }).click({ timeout: 60_000 });
  await page.getByText('Schema available').waitFor({ timeout: 60_000 });
  verdict.schemaLoaded = true;

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  await paste(page, query);

  // Run only once BCP has analysed the pasted document (its builder lists the operation);
  // earlier, it sends the previous, empty document.
  await page.getByText(/Performer:\s*Query/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Run Operation/ }).click();
  const shown = await responsePaneShowing(page, [verdict.expectedName]);
  verdict.responseText = await shown.jsonValue();
  const queryOk = verdict.responseText.includes('"performerById"') && verdict.responseText.includes(`"name": "${verdict.expectedName}"`);

  // A live seat map: subscribe in the IDE, reserve a seat over HTTP, see the change arrive.
  const onSale = await graphql({ query: '{ events(first: 1, where: { status: { eq: ON_SALE } }) { nodes { id sections { id available } } } }' });
  const event = onSale.events.nodes[0];
  const section = event.sections.find((s) => s.available > 0);
  const free = await graphql({
    query: 'query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section, status: AVAILABLE) { id } } }',
    variables: { id: event.id, section: section.id },
  });
  const subscription = verdict.subscription;
  subscription.eventId = event.id;
  subscription.seatId = free.eventById.seats[0].id;
  await paste(page, `subscription Seats {\n  onSeatAvailabilityChanged(eventId: "${event.id}") {\n    version\n    seats {\n      seatId\n      status\n    }\n  }\n}\n`);
  await page.getByText(/Seats:\s*Subscription/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Run Operation/ }).click();
  // The first message is the current state: the subscription is live once it shows.
  subscription.currentShown = await (await responsePaneShowing(page, ['"onSeatAvailabilityChanged"', '"version"'])).jsonValue();

  const login = await graphql({ query: 'mutation { login(input: { usernameOrEmail: "luna@example.com", password: "ticketmaster" }) { accessToken } }' });
  const reserved = await graphql({
    query: 'mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } errors { __typename } } }',
    variables: { input: { eventId: event.id, seatIds: [subscription.seatId] } },
  }, login.login.accessToken);
  if (!reserved?.reserveSeats?.reservation) {
    throw new Error(`the reservation failed: ${JSON.stringify(reserved)}`);
  }
  subscription.changeShown = await (await responsePaneShowing(page, [subscription.seatId, '"HELD"'])).jsonValue();
  verdict.ok = queryOk && subscription.changeShown.includes('"version"');
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
