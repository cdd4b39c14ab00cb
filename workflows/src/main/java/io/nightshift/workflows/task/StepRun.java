package io.nightshift.workflows.task;

/**
 * Where a step ran and what it cost: the accelerator pool, why placement chose it, the unit-seconds it held, their
 * price (for an agent step: its model calls' price) and the model tokens it used.
 */
public record StepRun(String pool, String placement, double unitSeconds, double cost, long tokens) {}
