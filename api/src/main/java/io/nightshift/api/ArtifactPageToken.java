package io.nightshift.api;

import io.nightshift.api.edge.BoundedText;

/**
 * ListArtifacts' page token: the position of the page's first artifact in the task's list, as decimal text. An
 * ended task's list no longer changes, so its pages are exact; while a task runs, a step that finishes between two
 * calls adds its output where its step stands in plan order, which may be before the position (the proto says so).
 */
final class ArtifactPageToken {
  private static final int MAX_DIGITS = 9;

  private ArtifactPageToken() {}

  static String of(int offset) {
    return Integer.toString(offset);
  }

  /** The position a token names; 0 for none. INVALID_ARGUMENT on page_token for one this call never gave. */
  static int offset(String token) {
    if (token.isEmpty()) {
      return 0;
    }
    if (token.length() > MAX_DIGITS || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiErrors.invalid("page_token", "page_token must be one a previous ListArtifacts answer gave, was '"
          + BoundedText.quoted(token) + "'");
    }
    return Integer.parseInt(token);
  }
}
