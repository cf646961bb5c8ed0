/** Configuration from the environment: defaults for a newcomer, clear refusals for mistakes. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4000 and the embedded SQLite file under ./data', () => {
    const config = loadConfig({}, '/srv/shop');
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ kind: 'sqlite', path: '/srv/shop/data/platform.db' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, '/x').port).toBe(4000);
  });

  it.each([
    ['file:/var/lib/shop/db.sqlite', { kind: 'sqlite', path: '/var/lib/shop/db.sqlite' }],
    ['file:///var/lib/shop/db.sqlite', { kind: 'sqlite', path: '/var/lib/shop/db.sqlite' }],
    ['file:relative/db.sqlite', { kind: 'sqlite', path: '/app/relative/db.sqlite' }],
    ['mongodb://db.internal:27017/online_annavaram?replicaSet=rs0', { kind: 'mongodb', url: 'mongodb://db.internal:27017/online_annavaram?replicaSet=rs0' }],
    ['mongodb+srv://user:pw@cluster0.example.net/shop', { kind: 'mongodb', url: 'mongodb+srv://user:pw@cluster0.example.net/shop' }],
  ])('reads DATABASE_URL %s', (url, expected) => {
    expect(loadConfig({ DATABASE_URL: url }, '/app').database).toEqual(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://localhost/shop' }, 'DATABASE_URL must start with file:'],
    [{ DATABASE_URL: 'file:' }, 'needs a path'],
  ])('stops with a clear message on %o', (env, text) => {
    expect(() => loadConfig(env, '/app')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/app')).toThrow(text);
  });

  it('does not echo credentials from a bad database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://admin:hunter2@db/shop' }, '/app')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
