/**
 * The RxDB conflict handler of a replicated collection. A row the server refused (policy,
 * validation, a business rule) always takes the server's state: merging would only push the
 * refused change again, forever. A true conflict (another device wrote first) takes the server's
 * state too, unless the collection has merge rules: then this device's changes are laid over it
 * (mergeThreeWay) and pushed again, so an offline edit is not lost.
 */
import type { RxConflictHandler } from 'rxdb';
import { defaultConflictHandler } from 'rxdb';
import { mergeThreeWay, type MergeableDocument, type MergeRules } from './merge-three-way';

export interface ConflictHandlerOptions {
  readonly merge?: MergeRules | undefined;
  /** Whether the server refused this id in the push being answered (and forgets it). */
  readonly takeRefused: (id: string) => boolean;
}

export function createConflictHandler(options: ConflictHandlerOptions): RxConflictHandler<MergeableDocument> {
  return {
    isEqual: (a, b, context) => defaultConflictHandler.isEqual(a, b, context),
    async resolve(input) {
      const real = input.realMasterState as MergeableDocument;
      if (options.takeRefused(real.id) || !options.merge) return real;
      return mergeThreeWay(
        { assumed: input.assumedMasterState as MergeableDocument | undefined, real, local: input.newDocumentState as MergeableDocument },
        options.merge,
      );
    },
  };
}
