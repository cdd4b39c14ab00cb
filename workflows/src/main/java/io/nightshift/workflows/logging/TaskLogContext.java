package io.nightshift.workflows.logging;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The MDC keys that say which task and step a line is about, and how workflow code sets them. Setting MDC in
 * workflow code is safe under replay: it issues no command and is read only by logging and by {@link
 * TaskLogPropagator}, which copies it into the headers of the activities and child workflows scheduled from the
 * same workflow thread (and into the threads that thread starts).
 */
public final class TaskLogContext {
  /** The task's id (its root workflow's id); child workflows and activities carry their task's. */
  public static final String TASK_ID = "TaskId";
  /** The step of the task's plan the line is about. */
  public static final String STEP = "Step";
  /** Set by Temporal's activity worker: the activity's attempt, from 1. */
  public static final String ATTEMPT = "Attempt";
  /** Set by Temporal in workflow and activity threads. */
  public static final String WORKFLOW_ID = "WorkflowId";
  /** Set by Temporal's activity worker. */
  public static final String ACTIVITY_TYPE = "ActivityType";

  /** The keys this runtime sets (Temporal's own are set and cleared by Temporal). */
  static final List<String> OURS = List.of(TASK_ID, STEP);

  private TaskLogContext() {}

  /**
   * Marks the current workflow thread as working for {@code taskId}, unless a parent task already did (a child task
   * or map logs under the task the person submitted).
   */
  public static void task(String taskId) {
    if (MDC.get(TASK_ID) == null) {
      MDC.put(TASK_ID, taskId);
    }
  }

  /**
   * Marks the current workflow thread as working for {@code step} of {@code taskId}, unless its parent already said:
   * for a child workflow whose start did not carry them (one started from a promise callback).
   */
  public static void step(String taskId, String step) {
    task(taskId);
    if (MDC.get(STEP) == null) {
      MDC.put(STEP, step);
    }
  }

  /**
   * Runs {@code launch} as {@code step}: what it schedules at once, and the workflow threads it starts, carry the
   * step; the current thread gets its previous step back afterwards.
   */
  public static <T> T duringStep(String step, Supplier<T> launch) {
    String previous = MDC.get(STEP);
    MDC.put(STEP, step);
    try {
      return launch.get();
    } finally {
      if (previous == null) {
        MDC.remove(STEP);
      } else {
        MDC.put(STEP, previous);
      }
    }
  }
}
