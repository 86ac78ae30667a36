/**
 * A durable, append-only, checksummed ledger of settled rounds with crash recovery that reports (and never
 * uses) a torn or corrupted tail.
 */
package io.cocogen.fl.ledger;
