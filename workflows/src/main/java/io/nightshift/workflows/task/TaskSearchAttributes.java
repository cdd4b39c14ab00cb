package io.nightshift.workflows.task;

import io.temporal.common.SearchAttributeKey;
import java.util.Map;

/** Nightshift's own search attributes, so tasks can be listed and filtered by state and pipeline. */
public final class TaskSearchAttributes {
  public static final SearchAttributeKey<String> STATE = SearchAttributeKey.forKeyword("NightshiftState");
  public static final SearchAttributeKey<String> PIPELINE = SearchAttributeKey.forKeyword("NightshiftPipeline");

  /** Name to Temporal type, for registering them with a server ({@code temporal ... --search-attribute}). */
  public static final Map<String, String> DEFINITIONS = Map.of(STATE.getName(), "Keyword", PIPELINE.getName(), "Keyword");

  private TaskSearchAttributes() {}
}
