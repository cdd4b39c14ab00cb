/**
 * Where a step that {@code requires} accelerators runs: {@link io.nightshift.workflows.task.placement.StepPlacer}
 * takes inventory of the task's pools, places the step under the plan's policy and fails over to the next pool;
 * {@link io.nightshift.workflows.task.placement.ModelServerHold} holds a model server a pool starts on a lease for
 * an agent step. Workflow code: inventory, tools and servers are activities on each pool's own queue.
 */
package io.nightshift.workflows.task.placement;
