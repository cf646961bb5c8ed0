/**
 * Questions asked of the access policy, as pure functions: may this role do this, what may this
 * caller see, which fields may it set, what must never leave the server.
 */
import type { CollectionName } from '../collections/names';
import { systemFields } from '../fields';
import { isDeepEqual } from '../aliases/is-deep-equal';
import { accessPolicy, type Operation, type Role, type RoleAccess } from './access-policy';
import type { Caller } from './caller';
import type { Filter } from './filter';

export function accessFor(collection: CollectionName, role: Role): RoleAccess | undefined {
  return accessPolicy[collection].roles[role];
}

export function can(collection: CollectionName, role: Role, operation: Operation): boolean {
  const access = accessFor(collection, role);
  if (!access) return false;
  switch (operation) {
    case 'read':
      return access.read !== undefined;
    case 'create':
      return access.create !== undefined;
    case 'update':
      return access.update !== undefined;
    case 'delete':
      return access.delete === true;
  }
}

export interface ReadFilter {
  /** Documents outside the scope do not exist for this caller: never sent, not even as a deletion. */
  readonly scope: Filter;
  /** Documents in scope but outside this filter are sent as deletions carrying only their id. */
  readonly visible: Filter;
}

/** What this caller may read, or undefined when it may read nothing of this collection. */
export function readFilterFor(collection: CollectionName, caller: Caller): ReadFilter | undefined {
  const access = accessFor(collection, caller.role);
  if (!access?.read) return undefined;
  // The owner test uses the id from the verified token; a role with an owner field and no id
  // (anonymous) can never match anything, so it is refused rather than given an empty scope.
  if (access.owner !== undefined && caller.role === 'anonymous') return undefined;
  const scope: Filter = access.owner !== undefined && caller.role !== 'anonymous' ? { [access.owner]: caller.id } : {};
  return { scope, visible: access.read.visible ?? {} };
}

/** Fields the role may set on create or change on update; undefined when the operation is denied. */
export function writableFields(
  collection: CollectionName,
  role: Role,
  operation: 'create' | 'update',
): readonly string[] | undefined {
  return accessFor(collection, role)?.[operation];
}

/** The field the server sets to the caller's id on create (the owner, or the author). */
export function authorFieldFor(collection: CollectionName, role: Role): string | undefined {
  const access = accessFor(collection, role);
  return access?.owner ?? access?.author;
}

export function secretFields(collection: CollectionName): readonly string[] {
  return accessPolicy[collection].secret;
}

/** A copy without the collection's secret fields; the one way documents are made sendable. */
export function omitSecrets<T extends Record<string, unknown>>(collection: CollectionName, doc: T): T {
  const secret = secretFields(collection);
  if (secret.length === 0) return doc;
  const copy: Record<string, unknown> = { ...doc };
  for (const field of secret) delete copy[field];
  return copy as T;
}

/**
 * Top-level fields an update changes that the role may not change (empty: allowed). System
 * fields and secrets are left out: the server keeps or sets those whatever the client sent (a
 * client never holds a secret, so its copy always lacks one).
 */
export function forbiddenChanges(
  collection: CollectionName,
  role: Role,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const writable = new Set(writableFields(collection, role, 'update') ?? []);
  const ignored = new Set<string>([...systemFields, ...secretFields(collection)]);
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !ignored.has(field) && !writable.has(field))
    .filter((field) => !isDeepEqual(before[field], after[field]))
    .sort();
}
