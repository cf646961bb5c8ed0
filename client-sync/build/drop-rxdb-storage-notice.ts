/**
 * Takes RxDB's advertisement for its paid storages out of the apps' builds. RxDB's free Dexie
 * storage prints it with console.warn on the first write of every page load unless the paid
 * package's flag is set; shoppers and owners have no use for it, and it buries our own warnings.
 * Only that one call goes: the premium check itself, and everything it gates elsewhere (RxDB's
 * open-core collection limit), stays as RxDB ships it. RxDB's source says forks may change this
 * (utils-premium.ts: "Yes you are allowed to fork the repo and just overwrite this function");
 * we change less than that.
 *
 * Strict on purpose: when the file no longer holds the notice exactly once (an RxDB upgrade), the
 * build fails and names this file, rather than drifting back to printing it or cutting something else.
 */
import type { Plugin } from 'vite';

/** The RxDB file that prints the notice, and a line of the notice itself. */
const noticeModule = /[\\/]rxdb[\\/]dist[\\/]esm[\\/]plugins[\\/]storage-dexie[\\/]rx-storage-instance-dexie\.js$/;
const noticeMarker = 'RxDB Open Core RxStorage';

/**
 * The module's code without the notice's console.warn: the call becomes `void (...)`, so the text
 * is built and dropped and every other byte of the module stays where it was (its source map holds).
 * Throws when the notice is not there exactly once.
 */
export function dropRxdbStorageNotice(code: string): string {
  const markers = code.split(noticeMarker).length - 1;
  if (markers !== 1) throw new Error(`RxDB's storage notice ("${noticeMarker}") was found ${markers} times, not once: RxDB changed; see client-sync/build/drop-rxdb-storage-notice.ts`);
  const call = 'console.warn(';
  const at = code.lastIndexOf(call, code.indexOf(noticeMarker));
  // The call must open the statement that holds the notice: nothing but the notice's array between them.
  if (at === -1 || !/^\s*\[\s*'-+ $/.test(code.slice(at + call.length, code.indexOf(noticeMarker)))) {
    throw new Error(`RxDB's storage notice is no longer printed by a console.warn of its own: RxDB changed; see client-sync/build/drop-rxdb-storage-notice.ts`);
  }
  const replacement = 'void ('.padEnd(call.length, ' ');
  return code.slice(0, at) + replacement + code.slice(at + call.length);
}

/** The Vite plugin: applies dropRxdbStorageNotice to RxDB's Dexie storage as it is bundled. */
export function dropRxdbStorageNoticePlugin(): Plugin {
  return {
    name: 'oa:drop-rxdb-storage-notice',
    enforce: 'pre',
    // Vite calls the handler only for the module the filter names.
    transform: { filter: { id: noticeModule }, handler: (code) => ({ code: dropRxdbStorageNotice(code), map: null }) },
  };
}
