/**
 * One page of the stored files, without their bytes, from the GridFS bucket in name order (the
 * driver's `filename, uploadDate` index). Copies of one name (concurrent first uploads;
 * put-file.ts) are listed once, as the newest, which is the one read-file.ts reads.
 */
import type { GridFSFile } from 'mongodb';
import { checkFilesPage } from '../check-files-page';
import { StorageError } from '../errors';
import type { ListedFile } from '../port';
import type { MongoContext } from './context';

export async function listFiles(ctx: MongoContext, after: string, limit: number): Promise<ListedFile[]> {
  checkFilesPage(after, limit);
  const listed: ListedFile[] = [];
  // $gt on a string: `after` is compared as a value, whatever it holds. Sorted as the index is
  // (oldest copy first), so copies of a name arrive together and the last of them is the newest.
  // No `limit`: copies would take places in the page; the cursor is read only until the name
  // after the page's last, in batches of about a page.
  const cursor = ctx.files.find({ filename: { $gt: after } }, { sort: { filename: 1, uploadDate: 1 }, batchSize: limit + 1, projection: { filename: 1, length: 1, metadata: 1, uploadDate: 1 } });
  try {
    for await (const file of cursor) {
      if (listed.at(-1)?.name === file.filename) {
        listed[listed.length - 1] = toListedFile(file);
        continue;
      }
      if (listed.length === limit) break;
      listed.push(toListedFile(file));
    }
  } finally {
    await cursor.close();
  }
  return listed;
}

function toListedFile(file: GridFSFile): ListedFile {
  const contentType: unknown = file.metadata?.contentType;
  // As read-file.ts: every file stored here has its type; one without came in some other way.
  if (typeof contentType !== 'string') throw new StorageError('CORRUPT_DATA', `file ${file.filename} has no content type`);
  return { name: file.filename, contentType, size: file.length };
}
