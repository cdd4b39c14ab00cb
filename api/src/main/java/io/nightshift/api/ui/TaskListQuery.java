package io.nightshift.api.ui;

import com.google.protobuf.util.Timestamps;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.TaskState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;

/**
 * The list filters of {@code GET /api/tasks} as a ListTasks request: {@code state} (repeatable; RUNNING or
 * TASK_STATE_RUNNING), {@code label} (repeatable, {@code key=value}), {@code pipeline}, and {@code created_after} /
 * {@code created_before} (RFC 3339), and the page's size, {@code page_size} (1 to {@value #MAX_PAGE_SIZE}, default
 * {@value #DEFAULT_PAGE_SIZE}). Only what is not a ListTasks field yet is refused here; the API checks the rest
 * (label keys and values, the time window) and names the field, which the page shows as it does any refusal.
 */
final class TaskListQuery {
  /** Tasks on a page the page did not size: a screenful of rows, each of which the page then reads (GetTask). */
  static final int DEFAULT_PAGE_SIZE = 50;
  /**
   * The most a page may ask for. The API takes up to 500, but the page reads every running task's view on its list
   * every few seconds, so a longer page would cost the API a GetTask per row each refresh.
   */
  static final int MAX_PAGE_SIZE = 200;

  /** A parameter that cannot become a request field; answered 400 naming it. */
  static final class BadParameter extends Exception {
    private final String parameter;

    BadParameter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }

    String parameter() {
      return parameter;
    }
  }

  private TaskListQuery() {}

  /**
   * Adds the filters and the page size in {@code rawQuery} (the URI's raw query, may be null) to {@code request};
   * without a {@code page_size}, the page holds {@value #DEFAULT_PAGE_SIZE}.
   */
  static ListTasksRequest.Builder filters(String rawQuery, ListTasksRequest.Builder request) throws BadParameter {
    request.setPageSize(DEFAULT_PAGE_SIZE);
    if (rawQuery == null || rawQuery.isEmpty()) {
      return request;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      switch (name) {
        case "state" -> request.addStates(state(value));
        case "label" -> {
          int sep = value.indexOf('=');
          if (sep <= 0) {
            throw new BadParameter("label", "label must be key=value, was '" + value + "'");
          }
          request.putLabels(value.substring(0, sep), value.substring(sep + 1));
        }
        case "pipeline" -> request.setPipeline(value);
        case "created_after" -> request.setCreatedAfter(timestamp(name, value));
        case "created_before" -> request.setCreatedBefore(timestamp(name, value));
        case "page_size" -> request.setPageSize(pageSize(value));
        default -> {
          // page_token (read apart: it is bytes) and anything the page may add later: not a filter
        }
      }
    }
    return request;
  }

  private static TaskState state(String value) throws BadParameter {
    String name = value.toUpperCase(Locale.ROOT);
    try {
      TaskState state = TaskState.valueOf(name.startsWith("TASK_STATE_") ? name : "TASK_STATE_" + name);
      if (state != TaskState.UNRECOGNIZED && state != TaskState.TASK_STATE_UNSPECIFIED) {
        return state;
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new BadParameter("state", "state must be one of PLANNING, RUNNING, PAUSED, AWAITING_APPROVAL, SUCCEEDED,"
        + " FAILED, CANCELLED; was '" + value + "'");
  }

  private static int pageSize(String value) throws BadParameter {
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1 && size <= MAX_PAGE_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new BadParameter("page_size", "page_size must be a whole number from 1 to " + MAX_PAGE_SIZE + ", was '"
        + value + "'");
  }

  private static com.google.protobuf.Timestamp timestamp(String name, String value) throws BadParameter {
    try {
      return Timestamps.parse(value);
    } catch (ParseException e) {
      throw new BadParameter(name, name + " must be an RFC 3339 time such as 2026-12-05T08:00:00Z, was '" + value
          + "'");
    }
  }
}
