package io.nightshift.core.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What executes a step. */
public enum StepKind {
  /** One call of a registered tool, run as a Temporal activity. */
  TOOL,
  /** A tool fanned out over the rows of a table, in chunks, through a tree of child workflows. */
  MAP,
  /** A durable timer: the task waits (for hours or days) without holding a worker. */
  WAIT,
  /** Another pipeline run as a child task (recursive decomposition, depth-limited). */
  PIPELINE,
  /** A model calling tools until it answers: an agent workflow of model-call and tool-call activities. */
  AGENT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StepKind> fromWireName(String s) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(s)).findFirst();
  }
}
