/**
 * Task budgets: what a whole task may spend over its agent steps and child pipelines
 * ({@link io.nightshift.workflows.task.budget.TaskBudget}), the reserve-then-settle
 * {@link io.nightshift.workflows.task.budget.TaskLedger} that keeps its figures in workflow state, the shares steps
 * run on ({@link io.nightshift.workflows.task.budget.BudgetShares}), the wall clock that holds new steps back
 * ({@link io.nightshift.workflows.task.budget.WallClockGate}), and the per-agent-step ceiling
 * ({@link io.nightshift.workflows.task.budget.AgentCeiling}). When a budget runs out, the task waits for a person
 * through {@link io.nightshift.workflows.task.control.TaskControl}. Workflow code and plain deterministic Java.
 */
package io.nightshift.workflows.task.budget;
