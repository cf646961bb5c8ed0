/**
 * Reads a request body as JSON, bounded in bytes, and parses it with a zod schema: the one way
 * request bodies enter the server. Too large → 413, not JSON → 400, wrong shape → 400 naming
 * the fields; never a 500.
 */
import type Koa from 'koa';
import type { z } from 'zod';
import { toValidationError } from '@oa/schema';
import { AppError } from './app-error';
import { jsonDepth } from './json-depth';
import { readRawBody } from './read-raw-body';

/** Arrays and objects within each other; a push row is about six deep at most. */
export const maxJsonDepth = 32;

export async function readJsonBody<S extends z.ZodType>(ctx: Koa.Context, schema: S, maxBytes = 64 * 1024): Promise<z.infer<S>> {
  const type = ctx.request.type;
  if (type !== 'application/json' && type !== '') {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  }
  // Bounded as it arrives (read-raw-body.ts): a client that lies about content-length is cut off all the same.
  const text = (await readRawBody(ctx, maxBytes)).toString('utf8');
  // Before parsing: nothing this deep is ours (a push's documents nest a few levels), and a value
  // nested thousands deep would overflow the stack of whatever walks it later.
  if (jsonDepth(text) > maxJsonDepth) throw new AppError(400, 'MALFORMED_JSON', `The body nests deeper than ${maxJsonDepth} levels`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError(400, 'MALFORMED_JSON', 'The body is not valid JSON', { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const error = toValidationError(parsed.error.issues);
    throw new AppError(400, 'VALIDATION_FAILED', error.message);
  }
  return parsed.data;
}
