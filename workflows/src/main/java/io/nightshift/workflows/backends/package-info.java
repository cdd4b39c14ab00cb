/**
 * The workflow side of accelerator pools: per-pool task queues, and the inventory activity whose small records
 * feed {@link io.nightshift.core.accelerator.placement.Placement} inside workflow code.
 */
package io.nightshift.workflows.backends;
