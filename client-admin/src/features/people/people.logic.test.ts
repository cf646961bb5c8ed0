import { describe, expect, it } from 'vitest';
import { selectPayments, selectShoppers } from './people.logic';

describe('looking people and payments up', () => {
  const users = [
    { id: 'u1', name: 'Sita Devi', email: 'sita@example.in', phone: '9848022338', createdAt: '2026-01-01T00:00:00.000Z', isActive: true },
    { id: 'u2', name: 'Ravi Teja', email: 'ravi@example.in', createdAt: '2026-02-01T00:00:00.000Z', isActive: true },
    { id: 'u3', name: 'Gone', email: 'gone@example.in', createdAt: '2026-03-01T00:00:00.000Z', isActive: true, _deleted: true },
  ];

  it.each([
    ['', ['u2', 'u1']],
    ['sita', ['u1']],
    ['RAVI@example', ['u2']],
    ['98480', ['u1']],
    ['nobody', []],
  ])('finds shoppers by %j', (search, ids) => {
    expect(selectShoppers(users, search).map((user) => user.id)).toEqual(ids);
  });

  it('finds payments by order number, method or status, newest first', () => {
    const payments = [
      { id: 'pay-o1', orderId: 'o1', amount: 160, method: 'cod' as const, status: 'pending' as const, createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'pay-o2', orderId: 'o2', amount: 500, method: 'cod' as const, status: 'void' as const, createdAt: '2026-02-01T00:00:00.000Z' },
    ];
    const orders = new Map([['o1', { orderId: 'OA-20260101-AAAA' }], ['o2', { orderId: 'OA-20260201-BBBB' }]]);
    expect(selectPayments(payments, orders, '').map((p) => p.orderNumber)).toEqual(['OA-20260201-BBBB', 'OA-20260101-AAAA']);
    expect(selectPayments(payments, orders, 'aaaa').map((p) => p.id)).toEqual(['pay-o1']);
    expect(selectPayments(payments, orders, 'void').map((p) => p.id)).toEqual(['pay-o2']);
    expect(selectPayments(payments, orders, 'cash on delivery').length).toBe(2);
  });
});
