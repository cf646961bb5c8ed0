import { describe, expect, it } from 'vitest';
import { canToggle, checkNewAdmin, sortAdmins } from './admins.logic';

describe('managing admins', () => {
  it('lists active admins first, then by name, without deleted ones', () => {
    const sorted = sortAdmins([
      { id: 'c', name: 'Chandra', email: 'c@x.in', isActive: false },
      { id: 'b', name: 'Bala', email: 'b@x.in', isActive: true },
      { id: 'a', name: 'Anil', email: 'a@x.in', isActive: true },
      { id: 'd', name: 'Deleted', email: 'd@x.in', isActive: true, _deleted: true },
    ]);
    expect(sorted.map((admin) => admin.id)).toEqual(['a', 'b', 'c']);
  });

  it('never offers to deactivate oneself', () => {
    expect(canToggle({ id: 'me' }, 'me')).toBe(false);
    expect(canToggle({ id: 'other' }, 'me')).toBe(true);
  });

  it.each([
    [{ name: '', email: 'x@example.in', password: 'a long password!' }, ['name']],
    [{ name: 'Lata', email: 'not an email', password: 'a long password!' }, ['email']],
    [{ name: 'Lata', email: 'lata@example.in', password: 'short' }, ['password']],
  ])('refuses %j, naming %j', (form, fields) => {
    const check = checkNewAdmin(form);
    expect(check.ok ? [] : Object.keys(check.errors)).toEqual(fields);
  });

  it('accepts a good form, the email trimmed and lowercased', () => {
    expect(checkNewAdmin({ name: ' Lata ', email: ' Lata@Example.IN ', password: 'a long password!' })).toEqual({
      ok: true,
      admin: { name: 'Lata', email: 'lata@example.in', password: 'a long password!' },
    });
  });
});
