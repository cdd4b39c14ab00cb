package io.nightshift.core.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What executes a step. Later kinds (map, agent, pipeline) widen this list. */
public enum StepKind {
  /** One call of a registered tool, run as a Temporal activity. */
  TOOL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StepKind> fromWireName(String s) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(s)).findFirst();
  }
}
