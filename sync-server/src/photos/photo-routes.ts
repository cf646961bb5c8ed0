/**
 * The product photo endpoints on Koa, the only Koa file of photos/: admins upload a photo under
 * its content-addressed name (PUT, checked by check-photo.ts before anything is stored), and
 * anyone reads it (GET, HEAD), cached for good since a name never changes content. The bytes
 * live in the storage port's files (putFile/readFile), so every server process serves them.
 */
import Router from '@koa/router';
import type Koa from 'koa';
import { maxPhotoBytes, parsePhotoName, toPhotoExtension, toPhotoPath } from '@oa/schema';
import type { AuthState } from '../auth/auth';
import { requireAdmin } from '../auth/require-admin';
import { AppError } from '../http/app-error';
import { readRawBody } from '../http/read-raw-body';
import type { Storage } from '../storage/port';
import { checkPhoto } from './check-photo';

export interface PhotoRouteDeps {
  readonly storage: Pick<Storage, 'putFile' | 'readFile'>;
  readonly authenticate: Koa.Middleware<AuthState>;
}

/** A name is its content's digest: what it names never changes, so browsers and proxies keep it a year. */
const immutable = 'public, max-age=31536000, immutable';

export function createPhotoRouter(deps: PhotoRouteDeps): Router<AuthState> {
  const router = new Router<AuthState>();

  router.put('/photos/:name', deps.authenticate, async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    // Who first, before the name or a byte of the body is looked at.
    requireAdmin(ctx.state.caller, 'Only admins upload photos');
    const name = ctx.params.name ?? '';
    const photo = parsePhotoName(name);
    if (!photo) throw new AppError(400, 'INVALID_PHOTO_NAME', 'A photo is named <SHA-256 of its bytes, 64 lowercase hex>.webp, .jpg or .png');
    if (toPhotoExtension(ctx.get('content-type')) !== photo.extension) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send ${name} as ${photo.contentType}`);
    }
    const bytes = await readRawBody(ctx, maxPhotoBytes);
    const refusal = checkPhoto(photo, bytes);
    if (refusal) throw new AppError(400, refusal.code, refusal.message);
    // The type stored is the name's, which the checks above made the bytes' own.
    const result = await deps.storage.putFile({ name, contentType: photo.contentType, bytes });
    ctx.status = result === 'stored' ? 201 : 200;
    ctx.body = { name, path: toPhotoPath(name) };
  });

  // Public: shoppers and visitors see product photos, and a name is an unguessable digest that
  // only a product's own document gives away. (HEAD is answered by this route too.)
  router.get('/photos/:name', async (ctx) => {
    const name = ctx.params.name ?? '';
    const photo = parsePhotoName(name);
    const file = photo ? await deps.storage.readFile(name) : undefined;
    if (!photo || !file) {
      // Not cached: a photo saved with a product offline may arrive minutes after the product.
      ctx.set('Cache-Control', 'no-store');
      throw new AppError(404, 'NOT_FOUND', 'No photo has this name');
    }
    ctx.set('Cache-Control', immutable);
    ctx.set('ETag', `"${photo.digest}"`);
    // Helmet answers same-origin app-wide; the apps run on other origins and show photos in
    // <img>, which that would block. Only these public, immutable bytes are opened up.
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    // WebP, JPEG and PNG are compressed already: compressing them again costs CPU and saves nothing.
    ctx.compress = false;
    ctx.type = file.contentType;
    ctx.body = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  });

  return router;
}
