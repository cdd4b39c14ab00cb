package io.nightshift.api;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a ListTasks call asks for, parsed once at the edge: states, labels (all must match), pipeline and a creation
 * window. It tests a listed task in Java ({@link #test}: the in-memory server, which has no visibility queries, and
 * every row of a real server's answer as a second check) and says the same in Temporal's visibility query
 * ({@link VisibilityFilter}), so both give the same answer.
 *
 * @param createdAfter  inclusive
 * @param createdBefore exclusive
 */
record TaskFilter(Set<TaskState> states, SortedMap<String, String> labels, Optional<String> pipeline,
    Optional<Instant> createdAfter, Optional<Instant> createdBefore) {
  private static final int MAX_PIPELINE_BYTES = 256;

  TaskFilter {
    states = states.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(states));
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming the filter field that is wrong */
  static TaskFilter of(ListTasksRequest request) {
    Set<TaskState> states = EnumSet.noneOf(TaskState.class);
    for (int i = 0; i < request.getStatesCount(); i++) {
      TaskState state = request.getStates(i);
      if (state == TaskState.TASK_STATE_UNSPECIFIED || state == TaskState.UNRECOGNIZED) {
        throw ApiErrors.invalid("states[" + i + "]", "states[" + i + "] must be a task state (one of "
            + Arrays.stream(TaskState.values()).filter(s -> s != TaskState.TASK_STATE_UNSPECIFIED
                && s != TaskState.UNRECOGNIZED).map(Enum::name).toList() + "), was " + request.getStatesValue(i));
      }
      states.add(state);
    }
    String pipeline = request.getPipeline();
    if (pipeline.getBytes(StandardCharsets.UTF_8).length > MAX_PIPELINE_BYTES
        || pipeline.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiErrors.invalid("pipeline", "pipeline must be at most " + MAX_PIPELINE_BYTES + " bytes of UTF-8"
          + " without control characters");
    }
    Optional<Instant> after = request.hasCreatedAfter()
        ? Optional.of(instant("created_after", request.getCreatedAfter())) : Optional.empty();
    Optional<Instant> before = request.hasCreatedBefore()
        ? Optional.of(instant("created_before", request.getCreatedBefore())) : Optional.empty();
    if (after.isPresent() && before.isPresent() && !before.get().isAfter(after.get())) {
      throw ApiErrors.invalid("created_before", "created_before (" + before.get() + ") must be after created_after ("
          + after.get() + ")");
    }
    return new TaskFilter(states, TaskLabels.checked("labels", request.getLabelsMap()),
        pipeline.isEmpty() ? Optional.empty() : Optional.of(pipeline), after, before);
  }

  private static Instant instant(String field, Timestamp timestamp) {
    if (!Timestamps.isValid(timestamp)) {
      throw ApiErrors.invalid(field, field + " must be a valid timestamp (seconds from 0001-01-01 to 9999-12-31,"
          + " nanos in [0, 999999999])");
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** Whether the filter asks for nothing, so every task passes. */
  boolean none() {
    return states.isEmpty() && labels.isEmpty() && pipeline.isEmpty() && createdAfter.isEmpty()
        && createdBefore.isEmpty();
  }

  /** Whether a listed task passes, judged on what its list row shows. */
  boolean test(Task task) {
    if (!states.isEmpty() && !states.contains(task.getState())) {
      return false;
    }
    if (!labels.entrySet().stream().allMatch(l -> l.getValue().equals(task.getLabelsMap().get(l.getKey())))) {
      return false;
    }
    if (pipeline.isPresent() && !pipeline.get().equals(task.getPipeline())) {
      return false;
    }
    Instant created = Instant.ofEpochSecond(task.getCreatedAt().getSeconds(), task.getCreatedAt().getNanos());
    return createdAfter.map(after -> !created.isBefore(after)).orElse(true)
        && createdBefore.map(created::isBefore).orElse(true);
  }

  /**
   * 16 bytes that differ, short of a hash collision, between any two different filters: a page token carries them,
   * so a token is used only with the filters that made it.
   */
  byte[] fingerprint() {
    String canonical = "states=" + states.stream().map(Enum::name).sorted().toList() + "\nlabels=" + labels
        + "\npipeline=" + pipeline.map(p -> p.length() + ":" + p).orElse("-") + "\nafter="
        + createdAfter.map(Instant::toString).orElse("-") + "\nbefore="
        + createdBefore.map(Instant::toString).orElse("-");
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)),
          16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
