/** Loading the signing key: configured PEM, a development key generated once, and clear refusals. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../config';
import { developmentKeyFileName, loadSigningKey } from './signing-key';

describe('loadSigningKey', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'oa-key-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const configWith = (env: Record<string, string> = {}): Config => loadConfig({ DATA_DIR: join(folder, 'data'), ...env }, folder);
  const publicPem = (key: { publicKey: { export(o: object): string | Buffer } }) => String(key.publicKey.export({ type: 'spki', format: 'pem' }));

  it('generates a development key once, owner-only, and reuses it after a restart', async () => {
    const first = await loadSigningKey(configWith());
    const path = join(folder, 'data', developmentKeyFileName);
    expect(readFileSync(path, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = await loadSigningKey(configWith());
    expect(first.algorithm).toBe('EdDSA');
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(publicPem(second)).toBe(publicPem(first));
  });

  it('agrees on one key when two processes generate it at the same moment', async () => {
    const [a, b] = await Promise.all([loadSigningKey(configWith()), loadSigningKey(configWith())]);
    expect(publicPem(a)).toBe(publicPem(b));
    const saved = await loadSigningKey(configWith());
    expect(publicPem(saved)).toBe(publicPem(a));
  });

  it('uses the configured key and writes no file', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const key = await loadSigningKey(configWith({ JWT_PRIVATE_KEY: pem.replace(/\n/g, '\\n') }));
    expect(publicPem(key)).toBe(String(publicKey.export({ type: 'spki', format: 'pem' })));
    expect(() => statSync(join(folder, 'data', developmentKeyFileName))).toThrow();
  });

  it('refuses a malformed configured key with a ConfigError naming JWT_PRIVATE_KEY', async () => {
    const error = await loadSigningKey(configWith({ JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatch(/^JWT_PRIVATE_KEY: /);
  });

  it('refuses a configured key that is not Ed25519', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(loadSigningKey(configWith({ JWT_PRIVATE_KEY: pem }))).rejects.toThrow(/Ed25519 key is required, got ec/);
  });

  it('refuses a corrupted development key file with a ConfigError naming the file', async () => {
    await loadSigningKey(configWith());
    writeFileSync(join(folder, 'data', developmentKeyFileName), 'garbage');
    const error = await loadSigningKey(configWith()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(developmentKeyFileName);
  });

  it('never generates a key in production', async () => {
    const config = { ...configWith(), production: true };
    await expect(loadSigningKey(config)).rejects.toBeInstanceOf(ConfigError);
  });
});
