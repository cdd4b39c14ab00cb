package io.nightshift.api;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.core.pipeline.PipelineProblem;
import java.util.List;

/**
 * gRPC errors as clients should see them: the right status code, a message that says what to do, and for bad
 * input a {@code google.rpc.BadRequest} detail naming each field (so programs, not only people, can tell).
 *
 * <p>Messages quote what the client sent, so they are bounded: the status and its detail travel in trailers that
 * a client caps at 8 KiB (see {@link BoundedText}). The message and the detail together stay under 3 KiB.
 */
final class ApiErrors {
  private static final int MESSAGE_BYTES = 600;
  private static final int VIOLATION_BYTES = 300;
  private static final int MAX_VIOLATIONS = 5;

  /** Marks the statuses made here, so {@link CallFailures} passes them on as they are, whatever their code. */
  private static final Metadata.Key<String> ORIGIN = Metadata.Key.of("nightshift-origin",
      Metadata.ASCII_STRING_MARSHALLER);
  private static final String API = "api";

  private ApiErrors() {}

  /** UNAVAILABLE for a part of the runtime (not Temporal itself) that cannot answer now; the message says which. */
  static StatusRuntimeException unavailable(String message) {
    return marked(Status.UNAVAILABLE, message);
  }

  /** UNIMPLEMENTED for a call this runtime's configuration does not serve; the message says which part is missing. */
  static StatusRuntimeException unimplemented(String message) {
    return marked(Status.UNIMPLEMENTED, message);
  }

  /** RESOURCE_EXHAUSTED for a limit of this runtime that was hit; the message names the flag that sets it. */
  static StatusRuntimeException resourceExhausted(String message) {
    return marked(Status.RESOURCE_EXHAUSTED, message);
  }

  private static StatusRuntimeException marked(Status status, String message) {
    Metadata trailers = new Metadata();
    trailers.put(ORIGIN, API);
    return status.withDescription(BoundedText.clip(message, MESSAGE_BYTES)).asRuntimeException(trailers);
  }

  /** Whether {@code status} was made here, rather than by the Temporal client. */
  static boolean isOurs(StatusRuntimeException status) {
    Metadata trailers = status.getTrailers();
    return trailers != null && API.equals(trailers.get(ORIGIN));
  }

  static StatusRuntimeException invalid(String field, String message) {
    return invalid(message, List.of(violation(field, message)));
  }

  static StatusRuntimeException invalidPipeline(String field, List<PipelineProblem> problems) {
    List<BadRequest.FieldViolation> violations = problems.stream().limit(MAX_VIOLATIONS)
        .map(p -> violation(pipelineField(field, p), p.toString()))
        .toList();
    String message = "invalid pipeline: " + String.join("; ", problems.stream().map(PipelineProblem::toString).toList());
    return invalid(message, violations);
  }

  static StatusRuntimeException notFound(String taskId) {
    return Status.NOT_FOUND.withDescription("no task with id '" + BoundedText.quoted(taskId) + "'")
        .asRuntimeException();
  }

  static StatusRuntimeException failedPrecondition(String message) {
    return Status.FAILED_PRECONDITION.withDescription(message).asRuntimeException();
  }

  /**
   * FAILED_PRECONDITION for a request that is well formed but conflicts with what the runtime holds, with a
   * {@code google.rpc.PreconditionFailure} detail whose subject is the field to change.
   *
   * @param type the violation's stable type, e.g. IDEMPOTENCY_KEY_REUSED
   */
  static StatusRuntimeException conflict(String field, String type, String message) {
    String clipped = BoundedText.clip(message, MESSAGE_BYTES);
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Code.FAILED_PRECONDITION_VALUE)
        .setMessage(clipped)
        .addDetails(Any.pack(PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation
            .newBuilder().setType(type).setSubject(field)
            .setDescription(BoundedText.clip(message, VIOLATION_BYTES))).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  private static String pipelineField(String base, PipelineProblem p) {
    StringBuilder sb = new StringBuilder(base);
    if (p.step() != null) {
      sb.append(".steps[").append(p.step()).append("]");
    }
    if (p.field() != null) {
      sb.append('.').append(p.field());
    }
    return sb.toString();
  }

  private static BadRequest.FieldViolation violation(String field, String description) {
    return BadRequest.FieldViolation.newBuilder().setField(BoundedText.clip(field, VIOLATION_BYTES / 3))
        .setDescription(BoundedText.clip(description, VIOLATION_BYTES)).build();
  }

  private static StatusRuntimeException invalid(String message, List<BadRequest.FieldViolation> violations) {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage(BoundedText.clip(message, MESSAGE_BYTES))
        .addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
