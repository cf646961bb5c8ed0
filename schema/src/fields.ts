/**
 * Field schemas shared by every collection: ids, timestamps, money, text caps.
 * Each cap here is the one limit for that kind of field everywhere (server writes and the
 * PWAs' RxDB schemas are both derived from these), so change a limit here and nowhere else.
 */
import { z } from 'zod';

/** Client-generatable ids: UUIDs, legacy ObjectId hex strings, or other url-safe tokens. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id is letters, digits, "-" or "_"');

/** ISO-8601 instants in UTC, as the server writes them: 2026-11-24T07:00:00.000Z. */
export const timestampSchema = z.iso.datetime();

/** Amounts in rupees. Two decimals are kept by the server's rules, not by a float check. */
export const moneySchema = z.number().min(0).max(10_000_000);

export const quantitySchema = z.int().min(1).max(99);
export const stockSchema = z.int().min(0).max(1_000_000);

export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase words joined by "-"');

/** Only http(s) or same-origin paths: an image URL must never carry `javascript:` or `data:`. */
export const urlSchema = z
  .string()
  .max(2048)
  .regex(/^(?:https?:\/\/[^\s]+|\/[^\s]*)$/, 'a URL is http(s):// or a path starting with /');

export const emailSchema = z.email().max(254);
export const phoneSchema = z.string().regex(/^\+?[0-9]{10,15}$/, 'a phone number is 10 to 15 digits');
export const personNameSchema = z.string().min(1).max(100);

/** Hashes are secrets: the policy marks every field holding one, and they never leave the server. */
export const secretHashSchema = z.string().min(1).max(512);

export const addressSchema = z.strictObject({
  name: personNameSchema,
  phone: phoneSchema,
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  landmark: z.string().max(200).optional(),
  city: z.string().min(1).max(100),
  state: z.string().min(1).max(100),
  pincode: z.string().regex(/^[1-9][0-9]{5}$/, 'a PIN code is six digits'),
});
export type Address = z.infer<typeof addressSchema>;

/**
 * The fields every document carries: a string `id`, the soft-delete flag RxDB's replication
 * needs, and the server-assigned `createdAt`/`updatedAt`.
 */
export const documentFields = {
  id: idSchema,
  _deleted: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

/** Fields the server alone sets on every document, whatever a client sends. */
export const systemFields = ['id', '_deleted', 'createdAt', 'updatedAt'] as const;
