package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpExchange;
import java.util.Optional;

/**
 * Where a page's event stream resumes: the {@code Last-Event-ID} header, which a browser's EventSource sends by
 * itself when it reconnects (the id of the last event it received: a task's timeline sequence), or, for a page
 * that opens a new stream itself, the {@code after} query parameter. Neither: from the task's first entry.
 */
final class ResumePoint {
  static final String HEADER = "Last-Event-ID";
  static final String PARAMETER = "after";

  private ResumePoint() {}

  /**
   * The sequence to resume after; empty (with {@code problem} set to what is wrong) where the header or parameter
   * is not a whole number >= 0.
   */
  static Optional<Long> of(HttpExchange ex, String after, StringBuilder problem) {
    String header = ex.getRequestHeaders().getFirst(HEADER);
    String raw = header != null && !header.isBlank() ? header.trim() : after;
    String name = header != null && !header.isBlank() ? HEADER : PARAMETER;
    if (raw == null || raw.isEmpty()) {
      return Optional.of(0L);
    }
    try {
      long sequence = Long.parseLong(raw);
      if (sequence >= 0) {
        return Optional.of(sequence);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem.append(name).append(" must be a timeline sequence (a whole number >= 0), was '")
        .append(raw.length() > 40 ? raw.substring(0, 40) + "..." : raw).append('\'');
    return Optional.empty();
  }
}
