package io.nightshift.api;

import io.nightshift.api.v1.TaskState;
import io.nightshift.workflows.task.TaskSearchAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link TaskFilter} as a clause of Temporal's visibility query, so a real server pages through matching tasks
 * only. Ended tasks are found by their execution status (what the list shows for them), running ones by the
 * NightshiftState search attribute; labels and pipeline by their search attributes.
 *
 * <p>No value is ever put into the query that could end its string literal: labels cannot hold quotes or
 * backslashes ({@link TaskLabels}), and a pipeline name that holds one (or any character Temporal's parsers treat
 * specially) is left out of the query and judged by {@link TaskFilter#test} alone, on every row the query answers.
 */
final class VisibilityFilter {
  private static final Map<TaskState, List<String>> ENDED = Map.of(
      TaskState.TASK_STATE_SUCCEEDED, List.of("Completed"),
      TaskState.TASK_STATE_FAILED, List.of("Failed", "Terminated", "TimedOut"),
      TaskState.TASK_STATE_CANCELLED, List.of("Canceled"));
  /** Executions the list shows in a running state, judged by NightshiftState (see TaskLister's summary). */
  private static final String NOT_ENDED = "ExecutionStatus IN ('Running', 'ContinuedAsNew')";

  private VisibilityFilter() {}

  /**
   * The clause for {@code filter}, empty when it asks for nothing the query can say.
   *
   * @param searchAttributes whether the namespace has Nightshift's search attributes; without them only execution
   *                         status and start time go into the query
   */
  static Optional<String> clause(TaskFilter filter, boolean searchAttributes) {
    List<String> parts = new ArrayList<>();
    states(filter.states(), searchAttributes).ifPresent(parts::add);
    if (searchAttributes) {
      filter.labels().forEach((key, value) -> literal(TaskLabels.searchValue(key, value))
          .ifPresent(v -> parts.add(TaskSearchAttributes.LABELS.getName() + " = " + v)));
      filter.pipeline().flatMap(VisibilityFilter::literal)
          .ifPresent(v -> parts.add(TaskSearchAttributes.PIPELINE.getName() + " = " + v));
    }
    filter.createdAfter().ifPresent(t -> parts.add("StartTime >= '" + t + "'"));
    filter.createdBefore().ifPresent(t -> parts.add("StartTime < '" + t + "'"));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", parts));
  }

  private static Optional<String> states(Set<TaskState> states, boolean searchAttributes) {
    if (states.isEmpty()) {
      return Optional.empty();
    }
    List<String> alternatives = new ArrayList<>();
    List<String> ended = states.stream().filter(ENDED::containsKey).flatMap(s -> ENDED.get(s).stream()).sorted()
        .toList();
    if (!ended.isEmpty()) {
      alternatives.add("ExecutionStatus IN (" + quotedList(ended) + ")");
    }
    List<String> running = states.stream().filter(s -> !ENDED.containsKey(s))
        .map(s -> s.name().substring("TASK_STATE_".length())).sorted().toList();
    if (!running.isEmpty()) {
      if (!searchAttributes) {
        alternatives.add(NOT_ENDED);
      } else {
        String state = TaskSearchAttributes.STATE.getName();
        // a task started before the attributes existed has none, and is listed as planning
        String listed = state + " IN (" + quotedList(running) + ")"
            + (running.contains("PLANNING") ? " OR " + state + " IS NULL" : "");
        alternatives.add("(" + NOT_ENDED + " AND (" + listed + "))");
      }
    }
    return Optional.of("(" + String.join(" OR ", alternatives) + ")");
  }

  private static String quotedList(List<String> values) {
    return values.stream().map(v -> literal(v).orElseThrow()).collect(Collectors.joining(", "));
  }

  /**
   * {@code value} as a string literal of the query, or empty where it holds a character that could end or bend
   * the literal: a quote, a backslash (an escape in Temporal's SQL parser), '?' (a placeholder where the server
   * stores visibility in PostgreSQL) or a control character.
   */
  static Optional<String> literal(String value) {
    boolean plain = value.chars().noneMatch(c -> c == '\'' || c == '"' || c == '`' || c == '\\' || c == '?'
        || Character.isISOControl(c));
    return plain ? Optional.of("'" + value + "'") : Optional.empty();
  }
}
