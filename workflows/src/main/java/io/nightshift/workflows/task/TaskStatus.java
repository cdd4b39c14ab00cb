package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;

/**
 * A task's own line in its view.
 *
 * @param taskId   the task id
 * @param goal     the goal in words
 * @param pipeline the pipeline's name
 * @param state    where the task stands as users see it
 * @param result   the final output, once it succeeded
 * @param error    why it failed, or why it is paused
 */
public record TaskStatus(String taskId, String goal, String pipeline, TaskState state, ArtifactRef result,
    String error) {}
