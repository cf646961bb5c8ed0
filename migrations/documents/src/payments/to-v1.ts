/**
 * Payments v0 → v1: version 1 adds optional fields only (collectedAt/By, refundedAt/By, set by the
 * server when an admin records cash collected or a refund). A stored payment is already valid as it
 * is; the step exists so each replica's schema moves to version 1 in step with the server's.
 */
import type { DocumentMigration } from '../document-migrations';

export const toPaymentV1: DocumentMigration = (doc) => ({ ...doc });
