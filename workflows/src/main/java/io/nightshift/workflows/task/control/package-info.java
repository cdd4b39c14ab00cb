/**
 * People in a task's loop, as its helpers see them: {@link io.nightshift.workflows.task.control.TaskControl} (pause,
 * resume, wait for a decision; implemented by the task workflow and handed to its helpers instead of the workflow),
 * the {@link io.nightshift.workflows.task.control.Decision} a person sends, and the
 * {@link io.nightshift.workflows.task.control.Approval} a step asks for. It depends on no other package of the task,
 * so the budget, replanning and step packages can all use it.
 */
package io.nightshift.workflows.task.control;
