package io.nightshift.workflows.task;

import io.temporal.common.SearchAttributeKey;
import java.util.List;
import java.util.Map;

/** Nightshift's own search attributes, so tasks can be listed and filtered by state, pipeline, tenant and label. */
public final class TaskSearchAttributes {
  public static final SearchAttributeKey<String> STATE = SearchAttributeKey.forKeyword("NightshiftState");
  public static final SearchAttributeKey<String> PIPELINE = SearchAttributeKey.forKeyword("NightshiftPipeline");
  /**
   * The tenant a task was submitted for, set once at start by the API (workflow code never touches it), so a
   * tenant's list is a visibility query; tasks started before tenants existed have none.
   */
  public static final SearchAttributeKey<String> TENANT = SearchAttributeKey.forKeyword("NightshiftTenant");
  /**
   * The task's labels as {@code key=value} strings, set once at start by the API (workflow code never touches it),
   * so ListTasks filters on them in the visibility query ({@code NightshiftLabels = 'team=ml'} asks for one).
   */
  public static final SearchAttributeKey<List<String>> LABELS =
      SearchAttributeKey.forKeywordList("NightshiftLabels");

  /** Name to Temporal type, for registering them with a server ({@code temporal ... --search-attribute}). */
  public static final Map<String, String> DEFINITIONS = Map.of(STATE.getName(), "Keyword",
      PIPELINE.getName(), "Keyword", TENANT.getName(), "Keyword", LABELS.getName(), "KeywordList");

  private TaskSearchAttributes() {}
}
