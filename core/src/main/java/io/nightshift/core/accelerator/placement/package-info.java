/**
 * Deterministic placement: which pool runs a step, decided from an inventory snapshot with no I/O, so it can run
 * inside Temporal workflow code and give the same answer on replay.
 */
package io.nightshift.core.accelerator.placement;
