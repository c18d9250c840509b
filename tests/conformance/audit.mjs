// Runs graphql-http's auditServer (the GraphQL-over-HTTP conformance audits) against a running
// server and prints one JSON document: { url, total, counts: { ok, warn, notice, error }, audits: [...] }.
// Usage: node audit.mjs http://127.0.0.1:5000/graphql
// Exits 0 only when every audit is ok, so it is useful on its own as well as from ConformanceTests.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = await auditServer({ url });
const audits = await Promise.all(
  results.map(async (result) => ({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? null : result.reason,
    // The answer that failed the audit, so a failure can be diagnosed from the test output alone.
    response:
      result.status === 'ok'
        ? null
        : {
            status: result.response.status,
            contentType: result.response.headers.get('content-type'),
            body: await result.response.clone().text().catch(() => null),
          },
  })),
);

const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const audit of audits) counts[audit.status] += 1;

process.stdout.write(JSON.stringify({ url, total: audits.length, counts, audits }, null, 2) + '\n');
process.exit(counts.ok === audits.length ? 0 : 1);
