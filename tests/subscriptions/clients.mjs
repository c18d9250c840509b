// Subscribes to one event's seat changes with a real client library, reserves seats, and prints
// one JSON line with what the client received. Driven by Api.Tests (SubscriptionClientTests).
//
//   node clients.mjs <graphql-ws|graphql-sse|subscriptions-transport-ws> <http://host:port/graphql> <accessToken> <eventId> <seatId,...>
//
// graphql-ws and graphql-sse also send the reserveSeats mutation through their own transport;
// the legacy client reserves over plain HTTP.
import WebSocket from 'ws';
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import pkg from 'subscriptions-transport-ws';

const { SubscriptionClient } = pkg;
const [transport, url, token, eventId, seatList] = process.argv.slice(2);
const seatIds = (seatList ?? '').split(',').filter(Boolean);
const wsUrl = url.replace(/^http/, 'ws');
const verdict = { transport, messages: [], reserved: null, errors: [] };

const subscription = `subscription($eventId: ID!) {
  onSeatAvailabilityChanged(eventId: $eventId) { eventId version changeId seats { seatId status } availability { total available held sold } }
}`;
const reserve = `mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id status } errors { __typename } } }`;
const reserveVariables = { input: { eventId, seatIds } };

// An async queue of what the subscription delivered, so the script can wait for "the next one".
function inbox() {
  const items = [];
  const waiters = [];
  return {
    push(item) { const w = waiters.shift(); if (w) w(item); else items.push(item); },
    next(ms = 10_000) {
      if (items.length) return Promise.resolve(items.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing arrived within ${ms} ms`)), ms);
        waiters.push(item => { clearTimeout(timer); resolve(item); });
      });
    },
  };
}

async function overHttp(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

// Runs a single-result operation through a graphql-ws or graphql-sse client.
function once(client, query, variables) {
  return new Promise((resolve, reject) => {
    let result;
    client.subscribe({ query, variables }, { next: value => { result = value; }, error: reject, complete: () => resolve(result) });
  });
}

const received = inbox();
const sink = { next: value => received.push(value), error: error => received.push({ error: String(error?.message ?? JSON.stringify(error)) }), complete: () => {} };
let stop = () => {};
try {
  if (transport === 'graphql-ws') {
    const client = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token}` }, retryAttempts: 0 });
    stop = () => client.dispose();
    client.subscribe({ query: subscription, variables: { eventId } }, sink);
    verdict.messages.push(await received.next());
    verdict.reserved = await once(client, reserve, reserveVariables);
  } else if (transport === 'graphql-sse') {
    const client = createSseClient({ url, headers: { Authorization: `Bearer ${token}` }, retryAttempts: 0 });
    stop = () => client.dispose();
    client.subscribe({ query: subscription, variables: { eventId } }, sink);
    verdict.messages.push(await received.next());
    verdict.reserved = await once(client, reserve, reserveVariables);
  } else if (transport === 'subscriptions-transport-ws') {
    const client = new SubscriptionClient(wsUrl, { reconnect: false, connectionParams: { Authorization: `Bearer ${token}` } }, WebSocket);
    stop = () => client.close();
    client.request({ query: subscription, variables: { eventId } }).subscribe(sink);
    verdict.messages.push(await received.next());
    verdict.reserved = await overHttp(reserve, reserveVariables);
  } else {
    throw new Error(`unknown transport ${transport}`);
  }

  verdict.messages.push(await received.next());
} catch (error) {
  verdict.errors.push(String(error?.message ?? error));
} finally {
  stop();
}

console.log(JSON.stringify(verdict));
process.exit(verdict.errors.length === 0 ? 0 : 1);
