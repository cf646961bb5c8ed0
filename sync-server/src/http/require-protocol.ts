/**
 * Refuses requests from clients older than the protocol the server still serves (426
 * CLIENT_OUTDATED), read from the one header every app request carries. The apps turn that code
 * into their "update available" prompt; without it an outdated PWA would fail row by row.
 * CORS preflights pass untouched: they carry no version and must still be answered.
 */
import { checkProtocolVersion, syncProtocolHeader } from '@oa/schema';
import type Koa from 'koa';
import { AppError } from './app-error';

export function requireProtocol(minimum?: number): Koa.Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'OPTIONS') return next();
    const check = checkProtocolVersion(ctx.get(syncProtocolHeader) || undefined, minimum);
    if (check === 'malformed') throw new AppError(400, 'BAD_PROTOCOL_VERSION', `${syncProtocolHeader} must be a whole number`);
    if (check === 'outdated') throw new AppError(426, 'CLIENT_OUTDATED', 'This version of the app is too old for the server: update it');
    return next();
  };
}
