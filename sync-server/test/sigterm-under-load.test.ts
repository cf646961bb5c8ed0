/**
 * SIGTERM to a real server process (`tsx sync-server/src/main.ts`) while shoppers push cart items
 * and orders as fast as they can and live streams are open: every push answered 2xx is in the
 * database afterwards (read back from the SQLite file), no client sees a 5xx other than the
 * documented 503 SHUTTING_DOWN nor a connection reset, each stream ends with its retry hint, and
 * the process exits 0 within SHUTDOWN_TIMEOUT_MS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionNames, collections } from '@oa/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { readRawStream } from './sse-client';
import { paymentIdOf } from '../src/domain/payments/payment-id';
import { openSqliteStorage } from '../src/storage';
import { creates, postJson, register, type Session } from './http-server';
import { clientOf, startServer, type ListeningServer } from './server-process';

const address = { name: 'Lakshmi', phone: '9876543210', line1: '12 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };
const shutdownTimeoutMs = 8000;
const shoppers = 5;

/** How a push ended, as its client saw it. */
type Outcome =
  | { readonly kind: 'acknowledged'; readonly collection: 'cart_items' | 'orders'; readonly ids: readonly string[]; readonly afterSignal: boolean }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string | undefined; readonly connection: string | null }
  | { readonly kind: 'unreachable'; readonly code: string };

/** The error code under fetch's "fetch failed" (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, ...). */
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? String(error);
}

describe('SIGTERM under load', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-sigterm-'));
  const databasePath = join(folder, 'platform.db');
  let server: ListeningServer | undefined;
  afterAll(() => {
    server?.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('loses no acknowledged push, shows no client a 5xx or a reset, ends streams with a retry hint and exits 0 in time', async () => {
    server = await startServer(
      { DATABASE_URL: `file:${databasePath}`, DATA_DIR: join(folder, 'data'), ADMIN_PASSWORD: 'correct horse battery staple', SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) },
      folder,
      60_000,
    );
    const client = clientOf(server);
    const sessions: Session[] = [];
    for (let n = 0; n < shoppers; n++) sessions.push(await register(client, `shopper-${n}@example.com`));
    const streams = await Promise.all([
      readRawStream(`${server.url}/sync/stream?collections=products`),
      readRawStream(`${server.url}/sync/stream?collections=cart_items,orders`, sessions[0]!.accessToken),
    ]);

    let signalled = false;
    const outcomes: Outcome[] = [];
    // Each shopper pushes until the server stops answering: a cart item, then an order (a unit of
    // work: order, stock and payment), and again; every id is new.
    const shopper = async (session: Session, n: number): Promise<void> => {
      for (let round = 0; ; round++) {
        const collection = round % 2 === 0 ? 'cart_items' : 'orders';
        const id = `s${n}-r${round}`;
        const row =
          collection === 'cart_items'
            ? creates({ id, cartId: `cart-${n}`, productId: 'demo-product-2', quantity: 1 })
            : creates({ id, items: [{ productId: 'demo-product-1', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' });
        let response: Response;
        try {
          response = await postJson(`${client.url}/sync/${collection}/push`, row, session.accessToken);
        } catch (error) {
          outcomes.push({ kind: 'unreachable', code: networkCode(error) });
          return;
        }
        const body = (await response.json()) as { rejections?: unknown[]; error?: { code: string } };
        if (response.ok) {
          expect(body.rejections).toEqual([]);
          outcomes.push({ kind: 'acknowledged', collection, ids: [id], afterSignal: signalled });
          continue;
        }
        outcomes.push({ kind: 'refused', status: response.status, code: body.error?.code, connection: response.headers.get('connection') });
        return;
      }
    };
    const load = Promise.all(sessions.map((session, n) => shopper(session, n)));
    while (outcomes.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));

    const signalledAt = Date.now();
    signalled = true;
    const exitCode = await server.stop();
    const exitMs = Date.now() - signalledAt;
    await load;

    expect(exitCode).toBe(0);
    expect(exitMs).toBeLessThan(shutdownTimeoutMs);
    expect(server.output()).toMatch(/shutdown: done .*"forced":false/);

    // Every client ended on a refusal the protocol documents, or on a closed door: no 5xx other
    // than 503 SHUTTING_DOWN (with Connection: close), no reset of a connection in use.
    const endings = outcomes.filter((outcome) => outcome.kind !== 'acknowledged');
    expect(endings).toHaveLength(shoppers);
    for (const ending of endings) {
      if (ending.kind === 'refused') expect(ending).toEqual({ kind: 'refused', status: 503, code: 'SHUTTING_DOWN', connection: 'close' });
      else expect(ending).toEqual({ kind: 'unreachable', code: 'ECONNREFUSED' });
    }
    // The signal came mid-load: pushes in flight then were finished and acknowledged.
    expect(outcomes.some((outcome) => outcome.kind === 'acknowledged' && outcome.afterSignal)).toBe(true);

    for (const stream of streams) {
      expect(await stream.ended).toBe('ended');
      expect(stream.text().endsWith(': server closing\nretry: 1000\n\n')).toBe(true);
    }

    // Read back from the file: every acknowledged write is there.
    const storage = await openSqliteStorage({ path: databasePath, pollIntervalMs: 0 });
    try {
      await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
      for (const collection of ['cart_items', 'orders'] as const) {
        const acknowledged = outcomes.flatMap((outcome) => (outcome.kind === 'acknowledged' && outcome.collection === collection ? outcome.ids : []));
        expect(acknowledged.length).toBeGreaterThan(0);
        const stored = await storage.readByIds(collection, acknowledged);
        expect(stored.map((row) => row.doc.id).sort()).toEqual([...acknowledged].sort());
      }
      // An acknowledged order was placed whole: its payment is there too.
      const orderIds = outcomes.flatMap((outcome) => (outcome.kind === 'acknowledged' && outcome.collection === 'orders' ? outcome.ids : []));
      const orders = await storage.readByIds('orders', orderIds);
      const placed = orders.filter((row) => row.doc.status === 'pending').map((row) => row.doc.id);
      const payments = await storage.readByIds('payments', placed.map((id) => paymentIdOf(id)));
      expect(payments).toHaveLength(placed.length);
    } finally {
      await storage.close();
    }
  }, 120_000);
});
