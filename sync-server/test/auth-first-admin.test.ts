/**
 * ensureFirstAdmin on a fresh database of the project's kind: one admin across restarts and concurrent starts, a
 * generated password printed once and usable, and a configured one never printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionNames, collections } from '@oa/schema';
import { ensureFirstAdmin } from '../src/auth/first-admin';
import type { Storage } from '../src/storage';
import { openTestStorage, type TestStorage } from './test-storage';
import { cheapPasswords } from './auth-server';

describe('ensureFirstAdmin', () => {
  let folder: string;
  let storage: Storage;
  let database: TestStorage;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oa-first-admin-'));
    database = await openTestStorage(folder);
    storage = database.storage;
    await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  });
  afterEach(async () => {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  const admins = async () => (await storage.readChanges({ collection: 'admins', after: 0, limit: 100 })).rows;

  it('creates exactly one admin across two runs and prints a generated password once', async () => {
    const lines: string[] = [];
    const options = { storage, passwords: cheapPasswords, email: 'Owner@Example.com', password: undefined, log: (line: string) => lines.push(line) };
    const first = await ensureFirstAdmin(options);
    const second = await ensureFirstAdmin(options);

    expect(first).toEqual({ kind: 'created', id: expect.any(String), email: 'owner@example.com', generatedPassword: true });
    expect(second).toEqual({ kind: 'exists' });
    expect(await admins()).toHaveLength(1);
    expect(lines).toHaveLength(1);
    const match = /first admin: owner@example\.com \/ password: (\S+) \(shown once: keep it, or set ADMIN_PASSWORD before the first start\)/.exec(lines[0]!);
    expect(match).not.toBeNull();
    const password = match![1]!;
    expect(password.length).toBeGreaterThanOrEqual(24);
    const [row] = await admins();
    expect(row!.doc).toMatchObject({ email: 'owner@example.com', role: 'admin', isActive: true });
    expect(row!.doc.passwordHash).not.toContain(password);
    expect(await cheapPasswords.verify(password, row!.doc.passwordHash as string)).toBe(true);
  });

  it('uses the configured password and never prints it', async () => {
    const lines: string[] = [];
    const result = await ensureFirstAdmin({ storage, passwords: cheapPasswords, email: 'a@example.com', password: 'a configured password', log: (line) => lines.push(line) });
    expect(result).toMatchObject({ kind: 'created', generatedPassword: false });
    expect(lines.join('\n')).not.toContain('a configured password');
    const [row] = await admins();
    expect(await cheapPasswords.verify('a configured password', row!.doc.passwordHash as string)).toBe(true);
  });

  it('creates one admin when two servers start on one empty database at once', async () => {
    const lines: string[] = [];
    const options = { storage, passwords: cheapPasswords, email: 'same@example.com', password: undefined, log: (line: string) => lines.push(line) };
    const results = await Promise.all([ensureFirstAdmin(options), ensureFirstAdmin(options)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['created', 'exists']);
    expect(await admins()).toHaveLength(1);
    expect(lines).toHaveLength(1);
  });

  it('does nothing when an active admin exists, even under another email', async () => {
    await ensureFirstAdmin({ storage, passwords: cheapPasswords, email: 'first@example.com', password: 'first password!', log: () => {} });
    expect(await ensureFirstAdmin({ storage, passwords: cheapPasswords, email: 'second@example.com', password: undefined, log: () => {} })).toEqual({ kind: 'exists' });
    expect(await admins()).toHaveLength(1);
  });
});
