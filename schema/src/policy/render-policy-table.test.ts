/** docs/access-policy.md must show the policy the server enforces, cell for cell. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessPolicy } from './access-policy';
import { renderPolicyTable } from './render-policy-table';

describe('the access-policy document', () => {
  it('holds exactly the table rendered from the policy (run npm run docs:policy after a change)', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../../docs/access-policy.md'), 'utf8');
    const block = text.split('<!-- policy-table:start -->')[1]?.split('<!-- policy-table:end -->')[0]?.trim();
    expect(block).toBe(renderPolicyTable());
  });

  it('names every secret field and marks no-access cells plainly', () => {
    const table = renderPolicyTable();
    expect(table).toContain('| admins | no access | no access | read;');
    for (const policy of Object.values(accessPolicy)) for (const field of policy.secret) expect(table).toContain(`\`${field}\``);
  });
});
