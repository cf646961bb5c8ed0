/**
 * Reads a request body as bytes, bounded: a declared length over the bound is refused before a
 * byte is read, and the bytes are counted as they arrive, so a client that lies about
 * Content-Length, or sends chunked, is stopped at the bound all the same (413 PAYLOAD_TOO_LARGE).
 * For binary uploads (photos), and under read-json-body.ts for every JSON body.
 */
import type Koa from 'koa';
import { AppError } from './app-error';

export async function readRawBody(ctx: Koa.Context, maxBytes: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > maxBytes) throw tooLarge(ctx, maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  // destroyOnReturn false: stopping early must not destroy the request, which would reset the
  // connection before the 413 is sent; tooLarge closes it once the answer is out instead.
  for await (const chunk of ctx.req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(ctx, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(ctx: Koa.Context, maxBytes: number): AppError {
  // The rest of the body is never read: close the connection after the answer rather than have
  // Node read and discard however much more the client sends to keep it alive.
  ctx.set('Connection', 'close');
  return new AppError(413, 'PAYLOAD_TOO_LARGE', `The body may be at most ${maxBytes} bytes`);
}
