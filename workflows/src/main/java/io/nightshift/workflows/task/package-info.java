/**
 * The task workflow: {@link io.nightshift.workflows.task.TaskWorkflow} plans a task, then runs its plan's steps as a
 * DAG ({@link io.nightshift.workflows.task.TaskWorkflowImpl}); {@link io.nightshift.workflows.task.StepLauncher}
 * starts each step by its kind (tool activity, timer, map tree, child pipeline, agent). What crosses Temporal:
 * {@link io.nightshift.workflows.task.TaskInput}, {@link io.nightshift.workflows.task.TaskResult}, the progress
 * query's {@link io.nightshift.workflows.task.TaskProgress}. Budgets, replanning and placement live in the
 * sub-packages {@code budget}, {@code replan} and {@code placement}, which depend on this package's
 * {@code control} sub-package only, never on the workflow.
 */
package io.nightshift.workflows.task;
