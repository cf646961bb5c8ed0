/** Password hashing: OWASP parameters in production, verification, and when to rehash. */
import { describe, expect, it } from 'vitest';
import { createPasswordHasher, hashPassword, needsRehash, owaspScryptParams, parseHash, verifyPassword } from './passwords';

const cheap = createPasswordHasher({ logN: 10, r: 8, p: 1 });

describe('password hashing', () => {
  it('hashes with OWASP parameters (N=2^17, r=8, p=1, 16-byte salt, 64-byte key) by default', async () => {
    expect(owaspScryptParams).toEqual({ logN: 17, r: 8, p: 1 });
    const stored = await hashPassword('a production password');
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    const parsed = parseHash(stored)!;
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.key).toHaveLength(64);
    expect(stored.length).toBeLessThanOrEqual(512);
    expect(await verifyPassword('a production password', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('spends a real check on a stored value that is not a usable hash, so timing tells no unset account apart', async () => {
    const hasher = createPasswordHasher();
    const real = await hasher.hash('the real password');
    const timed = async (stored: string): Promise<number> => {
      const started = performance.now();
      expect(await hasher.verify('a guess', stored)).toBe(false);
      return performance.now() - started;
    };
    await timed(real); // warm
    // The usual time of a real check is a median of three, not one run: on a busy machine one
    // check can take many times its usual time, which made the comparison fail at random. A
    // slow run of the checks below only makes them pass more clearly.
    const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const runs = async (stored: string, count: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(await timed(stored));
      return times;
    };
    const wrong = median(await runs(real, 3));
    // An account whose password was never set (an admin created through sync), or damaged: a
    // check that returned at once would take well under a millisecond, a real one about `wrong`.
    for (const stored of ['!', '', 'scrypt$1$1']) expect(await timed(stored)).toBeGreaterThan(wrong / 4);
    // Seven real checks at the production cost: seconds each on a loaded two-core machine.
  }, 60_000);

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await cheap.hash('open sesame');
    expect(await cheap.verify('open sesame', stored)).toBe(true);
    expect(await cheap.verify('open sesame ', stored)).toBe(false);
    expect(await cheap.verify('', stored)).toBe(false);
  });

  it('salts every hash, so one password never gives the same string twice', async () => {
    expect(await cheap.hash('same')).not.toBe(await cheap.hash('same'));
  });

  it('verifies with the parameters written in the stored string, not its own', async () => {
    const older = createPasswordHasher({ logN: 9, r: 4, p: 2 });
    const stored = await older.hash('from long ago');
    expect(stored.startsWith('scrypt$9$4$2$')).toBe(true);
    expect(await cheap.verify('from long ago', stored)).toBe(true);
    expect(cheap.needsRehash(stored)).toBe(true);
    expect(older.needsRehash(stored)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await cheap.hash('caf\u00e9 au lait');
    expect(await cheap.verify('cafe\u0301 au lait', stored)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$2b$10$abcdefghijklmnopqrstuuJ3bD1r2W5bV8xQ9lK8wz3jz1HnQ2yq'],
    ['too few parts', 'scrypt$10$8$1$c2FsdA'],
    ['a cost beyond the cap', `scrypt$30$8$1$${'A'.repeat(22)}$${'A'.repeat(86)}`],
    ['a short salt', `scrypt$10$8$1$AAAA$${'A'.repeat(86)}`],
    ['non-numeric parameters', `scrypt$x$8$1$${'A'.repeat(22)}$${'A'.repeat(86)}`],
  ])('refuses a stored value that is %s, without throwing, and asks for a rehash', async (_name, stored) => {
    expect(await cheap.verify('anything', stored)).toBe(false);
    expect(cheap.needsRehash(stored)).toBe(true);
  });
});
