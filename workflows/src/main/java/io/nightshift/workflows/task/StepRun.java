package io.nightshift.workflows.task;

/**
 * Where a step ran and what it cost: the accelerator pool, why placement chose it, the unit-seconds it held and
 * their price. Steps on the control workers have none.
 */
public record StepRun(String pool, String placement, double unitSeconds, double cost) {}
