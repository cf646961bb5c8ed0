/**
 * The benches' JSON requests: node:http with kept-alive connections, not fetch. On a two-core
 * machine the client shares the CPU with the server, and fetch (undici) spent about as much of it
 * per request as the server's own HTTP layer (measured: /health 2.5k requests/s through fetch,
 * 8.3k through this). A status outside 2xx rejects with the answer. Call closeJsonRequests() at
 * the end, so the kept-alive sockets do not hold the process open.
 */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function requestJson(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<any> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string | number> = { 'content-type': 'application/json' };
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { agent, method: init.method ?? 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(new Error(`${init.method ?? 'GET'} ${url}: ${status} ${text.slice(0, 500)}`));
        try {
          resolve(JSON.parse(text));
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

export function closeJsonRequests(): void {
  agent.destroy();
}
