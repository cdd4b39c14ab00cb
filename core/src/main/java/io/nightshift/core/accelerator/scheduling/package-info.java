/**
 * Admission to a pool: which waiting units of work start now, decided from the pool's state alone (free units,
 * what runs and when it is expected to end), with no I/O and no clock of its own, so the same state always gives
 * the same answer and the policy is tested as plain Java.
 */
package io.nightshift.core.accelerator.scheduling;
