/**
 * The fuzz suite's bounded run (seeded, a few thousand requests) against the real app over HTTP:
 * no answer is a 5xx, carries a stack trace, a secret, or another shopper's document, and the
 * server is still healthy afterwards. The long run (100,000) is `npm run bench:fuzz`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz/run-fuzz';
import { creates, pushRows, startWorld, type Session, type TestServer } from './http-server';
import { collectStoredSecrets } from './fuzz/collect-stored-secrets';

const cases = Number(process.env.FUZZ_CASES ?? 2500);

describe('fuzzing every route', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => {
    // The sign-in limit would turn most auth cases into 429s; the fuzz wants the routes behind it.
    ({ server, admin, alice, bob } = await startWorld({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } }));
    const answer = await pushRows(server, 'cart_items', creates({ id: 'ci-bob-secret', cartId: 'cart-bob-secret-marker', productId: 'demo-product-1', quantity: 3 }), bob.accessToken);
    expect(answer.body.rejections).toEqual([]);
  });
  afterAll(() => server.close());

  it(`answers ${cases} hostile requests without a 5xx, a stack, a secret or another shopper's data`, { timeout: 240_000 }, async () => {
    const report = await runFuzz(
      {
        url: server.url,
        tokens: { nobody: undefined, shopper: alice.accessToken, admin: admin.accessToken, forged: `${alice.accessToken.slice(0, -4)}AAAA` },
        checks: { foreign: ['cart-bob-secret-marker', 'bob@example.com'], secrets: await collectStoredSecrets(server.storage) },
      },
      { cases, seed: 20261202 },
    );
    expect(report.problems.slice(0, 5)).toEqual([]);
    expect(report.cases).toBe(cases);
    // Most answers are refusals, and some cases must get through (the generator reaches the routes).
    expect(Object.keys(report.byStatus).some((status) => status.startsWith('2'))).toBe(true);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(server.errors).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
