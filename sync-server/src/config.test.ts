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

  it('logs readable lines in development and JSON lines in production, at info unless configured', () => {
    const key = 'a key';
    expect(loadConfig({}, '/app').log).toEqual({ level: 'info', format: 'pretty' });
    expect(loadConfig({ NODE_ENV: 'production', JWT_PRIVATE_KEY: key }, '/app').log).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' }, '/app').log).toEqual({ level: 'debug', format: 'json' });
  });

  it('serves metrics openly in development, not at all in production, unless METRICS says otherwise', () => {
    const production = { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'a key' };
    expect(loadConfig({}, '/app').metrics).toEqual({ kind: 'open' });
    expect(loadConfig(production, '/app').metrics).toEqual({ kind: 'off' });
    expect(loadConfig({ ...production, METRICS: 'open' }, '/app').metrics).toEqual({ kind: 'open' });
    expect(loadConfig({ METRICS: 'off' }, '/app').metrics).toEqual({ kind: 'off' });
    expect(loadConfig({ ...production, METRICS: 'k7Vq-2mX_9pL.4rT~8s+/wZ==' }, '/app').metrics).toEqual({ kind: 'token', token: 'k7Vq-2mX_9pL.4rT~8s+/wZ==' });
  });

  it('gives a shutdown 8 seconds (inside Docker’s 10 before SIGKILL) unless SHUTDOWN_TIMEOUT_MS says otherwise', () => {
    expect(loadConfig({}, '/app').shutdownTimeoutMs).toBe(8000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '25000' }, '/app').shutdownTimeoutMs).toBe(25_000);
  });

  it.each([
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ LOG_FORMAT: 'text' }, 'LOG_FORMAT'],
    [{ METRICS: 'true' }, 'METRICS: must be off, open, or a bearer token of at least 16 characters'],
    [{ METRICS: 'short-token' }, 'METRICS: must be off, open, or a bearer token'],
    [{ METRICS: 'a token with spaces in it' }, 'METRICS: must be off, open, or a bearer token'],
    [{ SHUTDOWN_TIMEOUT_MS: '10s' }, 'SHUTDOWN_TIMEOUT_MS'],
    [{ SHUTDOWN_TIMEOUT_MS: '0' }, 'SHUTDOWN_TIMEOUT_MS'],
  ])('refuses %o', (env, text) => {
    expect(() => loadConfig(env, '/app')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/app')).toThrow(text);
  });

  it('does not echo a bad metrics token', () => {
    expect(() => loadConfig({ METRICS: 'hunter2 hunter2 hunter2' }, '/app')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });

  it('does not echo credentials from a bad database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://admin:hunter2@db/shop' }, '/app')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
