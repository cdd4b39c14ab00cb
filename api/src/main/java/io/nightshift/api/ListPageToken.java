package io.nightshift.api;

import com.google.protobuf.ByteString;
import java.util.Arrays;

/**
 * ListTasks page tokens bound to their filters: the token is the filter's fingerprint followed by where the next
 * page starts (Temporal's own token, or the in-memory fallback's offset). A token used with other filters would
 * silently page through a different list, so it is refused instead, naming page_token.
 */
final class ListPageToken {
  private static final int FINGERPRINT_BYTES = 16;

  private ListPageToken() {}

  /** The token a response hands out: empty when there is no next page. */
  static ByteString of(TaskFilter filter, ByteString next) {
    return next.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(filter.fingerprint()).concat(next);
  }

  /**
   * Where the page {@code token} asks for starts: empty for the first page.
   *
   * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming page_token for a token this API did not give for
   *     these filters
   */
  static ByteString next(TaskFilter filter, ByteString token) {
    if (token.isEmpty()) {
      return ByteString.EMPTY;
    }
    if (token.size() <= FINGERPRINT_BYTES
        || !Arrays.equals(token.substring(0, FINGERPRINT_BYTES).toByteArray(), filter.fingerprint())) {
      throw ApiErrors.invalid("page_token", "page_token is not one a ListTasks with these filters gave: pass a"
          + " response's next_page_token unchanged, with the same states, labels, pipeline, created_after and"
          + " created_before, or none for the first page");
    }
    return token.substring(FINGERPRINT_BYTES);
  }
}
