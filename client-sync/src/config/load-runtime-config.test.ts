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

  it('answers offline with the last configuration that loaded on this device, and saves each that loads', async () => {
    let saved: string | undefined;
    const memory = { load: () => saved, save: (json: string) => void (saved = json) };
    await loadRuntimeConfig(origin, async () => Response.json({ syncUrl: 'https://sync.example/' }), memory);
    expect(JSON.parse(saved!)).toEqual({ syncUrl: 'https://sync.example/' });
    const offline = async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    expect(await loadRuntimeConfig(origin, offline, memory)).toEqual({ syncUrl: 'https://sync.example' });
  });

  it('fails offline with a clear error when nothing was ever saved, or the saved copy is damaged', async () => {
    const offline = async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadRuntimeConfig(origin, offline, { load: () => undefined, save: () => undefined })).rejects.toThrow(RuntimeConfigError);
    await expect(loadRuntimeConfig(origin, offline, { load: () => '{not json', save: () => undefined })).rejects.toThrow('no network');
  });

  it('believes a server that answers with an error over a saved copy, and saves no refused config', async () => {
    let saved: string | undefined = JSON.stringify({ syncUrl: 'https://old.example' });
    const memory = { load: () => saved, save: (json: string) => void (saved = json) };
    await expect(loadRuntimeConfig(origin, async () => new Response('nope', { status: 500 }), memory)).rejects.toThrow('HTTP 500');
    await expect(loadRuntimeConfig(origin, async () => Response.json({ syncUrl: 'javascript:alert(1)' }), memory)).rejects.toThrow(RuntimeConfigError);
    expect(saved).toBe(JSON.stringify({ syncUrl: 'https://old.example' }));
  });

  it('refuses a config that did not load', async () => {
    await expect(loadRuntimeConfig(origin, async () => new Response('nope', { status: 404 }))).rejects.toThrow('HTTP 404');
  });
});
