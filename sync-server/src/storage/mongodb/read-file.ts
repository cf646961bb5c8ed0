/**
 * Reads a stored file, bytes and all, from the GridFS bucket; undefined when there is none.
 * Copies of one name (concurrent first uploads; put-file.ts) are byte-identical: the newest
 * by upload date is read, as GridFS's download by name does.
 */
import { StorageError } from '../errors';
import type { StoredFile } from '../port';
import type { MongoContext } from './context';

export async function readFile(ctx: MongoContext, name: string): Promise<StoredFile | undefined> {
  const [file] = await ctx.files.find({ filename: { $eq: name } }, { sort: { uploadDate: -1 }, limit: 1 }).toArray();
  if (!file) return undefined;
  const chunks: Buffer[] = [];
  // By id: the copy found above, whatever is uploaded meanwhile. The driver checks every chunk's
  // number and size against the files document (a missing one fails as MongoGridFSChunkError).
  for await (const chunk of ctx.files.openDownloadStream(file._id)) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const contentType: unknown = file.metadata?.contentType;
  // Every file stored here has its type; one without was put in the bucket some other way.
  if (typeof contentType !== 'string') throw new StorageError('CORRUPT_DATA', `file ${name} has no content type`);
  return { name: file.filename, contentType, bytes, size: bytes.length, createdAt: file.uploadDate.toISOString() };
}
