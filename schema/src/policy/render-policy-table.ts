/**
 * The access policy as a Markdown table, for docs/access-policy.md. A test checks the document
 * against this, so the page people read can never drift from the policy the server enforces.
 */
import { collectionNames } from '../collections/names';
import { accessPolicy, roles, type RoleAccess } from './access-policy';

function describeAccess(access: RoleAccess | undefined): string {
  if (!access) return 'no access';
  const parts: string[] = [];
  const own = access.owner !== undefined ? ` own (\`${access.owner}\` = caller)` : '';
  if (access.read) {
    const visible = Object.entries(access.read.visible ?? {}).map(([field, value]) => `\`${field}: ${String(value)}\``);
    parts.push(`read${own}${visible.length ? ` where ${visible.join(', ')}` : ''}`);
  }
  if (access.create) {
    const author = access.author !== undefined ? `, \`${access.author}\` = caller` : '';
    parts.push(`create (${access.create.length ? access.create.map((f) => `\`${f}\``).join(', ') : 'no fields'}${author})`);
  }
  if (access.update) parts.push(`update (${access.update.map((f) => `\`${f}\``).join(', ')})`);
  if (access.delete) parts.push('delete');
  return parts.join('; ') || 'no access';
}

export function renderPolicyTable(): string {
  const header = `| collection | ${roles.join(' | ')} | secret fields |`;
  const rule = `| --- | ${roles.map(() => '---').join(' | ')} | --- |`;
  const rows = collectionNames.map((name) => {
    const policy = accessPolicy[name];
    const cells = roles.map((role) => describeAccess(policy.roles[role]));
    const secret = policy.secret.length ? policy.secret.map((f) => `\`${f}\``).join(', ') : '—';
    return `| ${name} | ${cells.join(' | ')} | ${secret} |`;
  });
  return [header, rule, ...rows].join('\n');
}
