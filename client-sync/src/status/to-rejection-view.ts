/**
 * A refused change as a person reads it: what it was (by collection), why (the server's message)
 * and what to do next (by the stable code), in each app's own words. Pure.
 */
import type { PushRejection } from '../replication/push-handler';

export interface RejectionView {
  readonly key: string;
  readonly what: string;
  readonly why: string;
  readonly next: string;
}

export interface RejectionWording {
  /** What was refused, per collection. */
  readonly subjects: Readonly<Record<string, string>>;
  /** What to do next, per rejection code. */
  readonly nextSteps: Readonly<Record<string, string>>;
  /** For a collection or a code the app has no words for (a newer server's). */
  readonly otherSubject: string;
  readonly otherNextStep: string;
}

export function toRejectionView(rejection: PushRejection, index: number, wording: RejectionWording): RejectionView {
  return {
    key: `${rejection.collection}/${rejection.id}/${index}`,
    what: wording.subjects[rejection.collection] ?? wording.otherSubject,
    why: rejection.message,
    next: wording.nextSteps[rejection.code] ?? wording.otherNextStep,
  };
}
