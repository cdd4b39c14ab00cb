package io.nightshift.workflows.task;

/**
 * Where a step ran and what it cost: the accelerator pool, why placement chose it, the unit-seconds it held, their
 * price (for an agent step: its model calls' price), the model tokens it used, and what the same work would have
 * cost on the fastest pool (0 where not worked out), so the view can say what the cost policy saved.
 */
public record StepRun(String pool, String placement, double unitSeconds, double cost, long tokens,
    double fastestCost) {}
