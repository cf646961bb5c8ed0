/**
 * Stores a file once under its name in the GridFS bucket (context.ts: `photos`). A name already
 * stored answers 'exists' without writing. Two processes storing one new name at once may both
 * upload: the bucket then holds two byte-identical copies (the name is the content's digest) and
 * readers take the newest (read-file.ts); both answer 'stored', which is true of each.
 */
import { finished } from 'node:stream/promises';
import { checkNewFile } from '../check-new-file';
import type { NewFile, PutFileResult } from '../port';
import type { MongoContext } from './context';

export async function putFile(ctx: MongoContext, file: NewFile): Promise<PutFileResult> {
  checkNewFile(file);
  // $eq: the name is matched as a value, whatever it holds.
  const existing = await ctx.files.find({ filename: { $eq: file.name } }, { projection: { _id: 1 }, limit: 1 }).toArray();
  if (existing.length > 0) return 'exists';
  // A fresh ObjectId as the GridFS id, never the name or digest: an upload that fails deletes or
  // leaves chunks under its own id only, so it can never touch a concurrent upload's copy.
  const upload = ctx.files.openUploadStream(file.name, { metadata: { contentType: file.contentType } });
  upload.end(file.bytes);
  // The files document is written last, after every chunk: until then no reader sees the file.
  // A failure leaves the chunks written so far, unreferenced and never read; they are not
  // deleted here, since when the files document's write failed with its outcome unknown (a
  // timeout), the file may well be stored, and removing its chunks would break it.
  await finished(upload);
  return 'stored';
}
