/**
 * The FL adapter's coordinator: {@link io.cocogen.fl.CoopetitionCoordinator} plugs the CoCoGen+ game into
 * any federated-learning loop through two hooks, {@code planRound} (per-organization synthetic counts,
 * per-class quotas, subsidy rates, fees, expected payoffs) and {@code settleRound} (settlement on what was
 * actually generated and measured, participation for the next round), with calibration of the
 * performance model from observations and a durable ledger to resume from.
 */
package io.cocogen.fl;
