package io.nightshift.workflows.task.replan;

/**
 * Whether a task asks its planner for a revised plan when a step fails for good, and how far it goes.
 *
 * @param maxVersions      the most plan versions the task may have (1 = never replan); v1 counts
 * @param approvalRequired whether a person must approve each revised plan before it runs
 */
public record ReplanPolicy(int maxVersions, boolean approvalRequired) {
  /** The most versions any task may ask for: each one is a planning call and a rerun of the failed part. */
  public static final int MAX_VERSIONS_LIMIT = 20;

  public ReplanPolicy {
    if (maxVersions < 1 || maxVersions > MAX_VERSIONS_LIMIT) {
      throw new IllegalArgumentException("maxVersions must be in [1, " + MAX_VERSIONS_LIMIT + "] but was "
          + maxVersions);
    }
  }

  /** Whether a plan of {@code version} may be followed by another. */
  boolean allowsAfter(int version) {
    return version < maxVersions;
  }
}
