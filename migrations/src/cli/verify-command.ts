/**
 * `npm run verify [-- --url <sync url>] [--email <admin>] [--password <…>] [--database-url <url>]`:
 * SYNC_URL (default http://localhost:4000), ADMIN_EMAIL, ADMIN_PASSWORD and DATABASE_URL from the
 * environment otherwise. Exits 1 when any check fails. The database is opened read-only.
 */
import { parseArgs } from 'node:util';
import { openTarget } from '../database/open-target';
import { verifyDeployment } from '../verify/verify-deployment';
import { parseCommandArgs, type Io } from './run-cli';

export async function verifyCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = await parseCommandArgs(
    () =>
      parseArgs({
        args: [...args],
        options: { url: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, 'database-url': { type: 'string' } },
      }),
    'usage: npm run verify [-- --url <sync url>] [--email <admin email>] [--password <password>] [--database-url <url>]',
  );
  const url = values.url ?? io.env.SYNC_URL ?? 'http://localhost:4000';
  const databaseUrl = values['database-url'] ?? io.env.DATABASE_URL;
  const target = databaseUrl ? await openTarget(databaseUrl, { cwd: io.cwd, readOnly: true }) : undefined;
  try {
    const { ok, checks } = await verifyDeployment({
      url,
      email: values.email ?? io.env.ADMIN_EMAIL,
      password: values.password ?? io.env.ADMIN_PASSWORD,
      ...(target ? { database: { kind: target.database.kind, maintenance: target.maintenance } } : {}),
    });
    for (const check of checks) (check.ok ? io.out : io.err)(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
    io.out(ok ? `verified: ${url} is working` : `NOT verified: ${checks.filter((c) => !c.ok).length} check(s) failed`);
    return ok ? 0 : 1;
  } finally {
    await target?.close();
  }
}
