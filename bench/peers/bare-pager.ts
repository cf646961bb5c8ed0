/**
 * The floor the sync server's pull is measured against (bench/peers/peers-workload.ts): a few lines
 * of Koa serving pre-stored JSON by sequence from SQLite. No tokens, no policy, no checkpoint
 * encoding, no parsing: the same documents as the server answers, spliced into a page as text.
 * Not a server for anything else. Run as its own process, as the sync server is:
 *   BARE_PAGER_DB=docs.db PORT=0 node --import tsx bench/peers/bare-pager.ts
 */
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import Koa from 'koa';

const db = new Database(process.env.BARE_PAGER_DB ?? '', { readonly: true, fileMustExist: true });
const page = db.prepare('SELECT seq, json FROM docs WHERE seq > ? AND active = 1 ORDER BY seq LIMIT ?');

const app = new Koa();
app.use((ctx) => {
  const after = Number(ctx.query.after ?? 0);
  const limit = Math.min(Number(ctx.query.limit ?? 100), 1000);
  const rows = page.all(after, limit) as Array<{ seq: number; json: string }>;
  ctx.type = 'application/json';
  ctx.body = `{"documents":[${rows.map((row) => row.json).join(',')}],"checkpoint":${rows.at(-1)?.seq ?? after}}`;
});
const server = app.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`listening on http://localhost:${(server.address() as AddressInfo).port}`);
});
