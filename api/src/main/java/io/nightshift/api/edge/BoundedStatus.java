package io.nightshift.api.edge;

import io.grpc.Metadata;
import io.grpc.Status;

/**
 * The last guard on an answer's size (see {@link BoundedText} for why it matters): whatever a service or the
 * Temporal error it passes on put in the status, the client gets a description of at most 1 KiB and details of at
 * most 3 KiB (4 KiB in base64), well inside the 8 KiB its trailers may take. The API's own errors stay under both
 * (they quote client values clipped), so this drops nothing of theirs.
 */
final class BoundedStatus {
  static final int DESCRIPTION_BYTES = 1024;
  static final int DETAILS_BYTES = 3072;
  private static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin",
      Metadata.BINARY_BYTE_MARSHALLER);

  private BoundedStatus() {}

  static Status description(Status status) {
    String description = status.getDescription();
    return description == null ? status : status.withDescription(BoundedText.clip(description, DESCRIPTION_BYTES));
  }

  /** Drops details too big to send; the description still says what went wrong. */
  static Metadata trailers(Metadata trailers) {
    byte[] details = trailers.get(DETAILS);
    if (details != null && details.length > DETAILS_BYTES) {
      trailers.removeAll(DETAILS);
    }
    return trailers;
  }
}
