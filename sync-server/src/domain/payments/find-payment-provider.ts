/**
 * The payment methods the shop accepts now, and the provider for each. A method without a
 * provider (online, for now) is refused when an order is built: the order is stored as rejected.
 */
import type { Payment } from '@oa/schema';
import { cashOnDelivery, type PaymentProvider } from './payment-provider';

const providers: Readonly<Partial<Record<Payment['method'], PaymentProvider>>> = { cod: cashOnDelivery };

export function findPaymentProvider(method: unknown): PaymentProvider | undefined {
  return typeof method === 'string' && Object.hasOwn(providers, method) ? providers[method as Payment['method']] : undefined;
}
