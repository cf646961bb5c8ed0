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

  it('prices delivery at ₹40, free from ₹499, unless configured', () => {
    expect(loadConfig({}, '/app').delivery).toEqual({ fee: 40, freeFrom: 499 });
    expect(loadConfig({ DELIVERY_FEE: '25', FREE_DELIVERY_FROM: '1000' }, '/app').delivery).toEqual({ fee: 25, freeFrom: 1000 });
  });

  it.each([
    [{ DELIVERY_FEE: '0' }, { fee: 0, freeFrom: 499 }],
    [{ DELIVERY_FEE: '39.50', FREE_DELIVERY_FROM: '999.99' }, { fee: 39.5, freeFrom: 999.99 }],
    [{ FREE_DELIVERY_FROM: ' 750 ' }, { fee: 40, freeFrom: 750 }],
    [{ DELIVERY_FEE: '10000', FREE_DELIVERY_FROM: '1000000' }, { fee: 10_000, freeFrom: 1_000_000 }],
  ])('reads the delivery rule from %o', (env, delivery) => {
    expect(loadConfig(env, '/app').delivery).toEqual(delivery);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://localhost/shop' }, 'DATABASE_URL must start with file:'],
    [{ DATABASE_URL: 'file:' }, 'needs a path'],
    [{ DELIVERY_FEE: '-5' }, 'DELIVERY_FEE: must be rupees, 0 or more'],
    [{ DELIVERY_FEE: '40.005' }, 'DELIVERY_FEE: must be rupees, 0 or more, with at most 2 decimal places'],
    [{ DELIVERY_FEE: 'forty' }, 'DELIVERY_FEE'],
    [{ DELIVERY_FEE: '1e3' }, 'DELIVERY_FEE'],
    [{ DELIVERY_FEE: '10000.01' }, 'DELIVERY_FEE: must be at most 10000 rupees'],
    [{ FREE_DELIVERY_FROM: '₹499' }, 'FREE_DELIVERY_FROM'],
    [{ FREE_DELIVERY_FROM: '2000000' }, 'FREE_DELIVERY_FROM: must be at most 1000000 rupees'],
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
