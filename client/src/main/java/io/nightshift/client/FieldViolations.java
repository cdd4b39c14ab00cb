package io.nightshift.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields an API error names: the google.rpc.BadRequest details the API attaches to INVALID_ARGUMENT (see
 * {@code io.nightshift.api.ApiErrors}), read back by its clients (the CLI, the workflow UI) to say which field was
 * wrong. A package of its own, for what the API's clients share: the UI server, which the API role starts, reads
 * the API's errors like any other client, without depending on the services.
 */
public final class FieldViolations {
  private FieldViolations() {}

  /** Every field violation in the error's details; empty when there are none or they cannot be read. */
  public static List<BadRequest.FieldViolation> of(StatusRuntimeException e) {
    Status detailed = StatusProto.fromThrowable(e);
    List<BadRequest.FieldViolation> out = new ArrayList<>();
    if (detailed == null) {
      return out;
    }
    for (Any any : detailed.getDetailsList()) {
      if (any.is(BadRequest.class)) {
        try {
          out.addAll(any.unpack(BadRequest.class).getFieldViolationsList());
        } catch (InvalidProtocolBufferException unreadable) {
          // a detail we cannot read: the status message still says what went wrong
        }
      }
    }
    return out;
  }
}
