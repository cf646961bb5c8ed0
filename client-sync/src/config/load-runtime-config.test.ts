import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseRuntimeConfig, RuntimeConfigError } from './load-runtime-config';

const origin = 'https://shop.example';

describe('the runtime configuration', () => {
  it('reads syncUrl from /config.json on the app’s own origin', async () => {
    const asked: string[] = [];
    const config = await loadRuntimeConfig(origin, async (path) => {
      asked.push(path);
      return Response.json({ syncUrl: 'http://localhost:4000/' });
    });
    expect(asked).toEqual(['/config.json']);
    expect(config).toEqual({ syncUrl: 'http://localhost:4000' });
  });

  it('takes a relative syncUrl from the app’s origin (a proxy in front of both)', () => {
    expect(parseRuntimeConfig({ syncUrl: '/api' }, origin)).toEqual({ syncUrl: 'https://shop.example/api' });
  });

  it.each([[null], [{}], [{ syncUrl: '' }], [{ syncUrl: 42 }], [{ syncUrl: 'javascript:alert(1)' }]])('refuses %j', (value) => {
    expect(() => parseRuntimeConfig(value, origin)).toThrow(RuntimeConfigError);
  });

  it('refuses a config that did not load', async () => {
    await expect(loadRuntimeConfig(origin, async () => new Response('nope', { status: 404 }))).rejects.toThrow('HTTP 404');
  });
});
