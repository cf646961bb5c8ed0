/**
 * The Ed25519 key access tokens are signed with: from JWT_PRIVATE_KEY (PKCS#8 PEM) when set,
 * which production requires; otherwise, for development, `<dataDir>/jwt-signing-key.pem`,
 * generated once and reused, so tokens survive a restart. A key that cannot be used stops the
 * server at start (ConfigError), never at the first login.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError, type Config } from '../config';

export interface SigningKey {
  /** Pinned: verification accepts this algorithm and no other. */
  readonly algorithm: 'EdDSA';
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export const developmentKeyFileName = 'jwt-signing-key.pem';

export async function loadSigningKey(config: Pick<Config, 'jwt' | 'dataDir' | 'production'>): Promise<SigningKey> {
  const configured = config.jwt.privateKeyPem;
  if (configured !== undefined) return toSigningKey(configured, 'JWT_PRIVATE_KEY');
  // Every production process must sign with the same configured key (config.ts refuses this
  // too; checked again here so no caller can end up with a per-machine key in production).
  if (config.production) throw new ConfigError(['JWT_PRIVATE_KEY: required when NODE_ENV=production (a PKCS#8 PEM Ed25519 key)']);
  const path = join(config.dataDir, developmentKeyFileName);
  return toSigningKey(await readOrCreateKeyFile(path), path);
}

/** Parses a PKCS#8 PEM Ed25519 private key; anything else is a ConfigError naming where it came from. */
export function toSigningKey(pem: string, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (cause) {
    throw configError(`${source}: not a readable PEM private key (expected PKCS#8 "-----BEGIN PRIVATE KEY-----")`, cause);
  }
  // Only Ed25519: an RSA or EC key would silently change the algorithm every client must accept.
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw configError(`${source}: an Ed25519 key is required, got ${privateKey.asymmetricKeyType ?? 'an unknown key type'}`);
  }
  return { algorithm: 'EdDSA', privateKey, publicKey: createPublicKey(privateKey) };
}

async function readOrCreateKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw configError(`${path}: cannot be read`, error);
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // The folder holds a private key: only this user may list it.
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Written whole to a private temp file, then linked into place: link() fails if the key file
  // exists, so two processes starting together on one data folder agree on one key, and neither
  // ever reads a half-written file.
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, pem, { mode: 0o600, flag: 'wx' });
  await chmod(temp, 0o600); // mode is masked by umask on create; the key must be owner-only.
  try {
    await link(temp, path);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw configError(`${path}: cannot be written`, error);
    return readFile(path, 'utf8');
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function configError(problem: string, cause?: unknown): ConfigError {
  const error = new ConfigError([problem]);
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error;
}
