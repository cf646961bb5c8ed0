/** Regenerates the policy table in docs/access-policy.md from the policy itself. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderPolicyTable } from '@oa/schema';

const path = resolve(import.meta.dirname, '../docs/access-policy.md');
const text = readFileSync(path, 'utf8');
const start = '<!-- policy-table:start -->';
const end = '<!-- policy-table:end -->';
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileSync(path, `${before}\n${renderPolicyTable()}\n${after}`);
console.log(`wrote ${path}`);
