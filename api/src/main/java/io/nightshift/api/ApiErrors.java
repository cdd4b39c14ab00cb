package io.nightshift.api;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.core.pipeline.PipelineProblem;
import java.util.List;

/**
 * gRPC errors as clients should see them: the right status code, a message that says what to do, and for bad
 * input a {@code google.rpc.BadRequest} detail naming each field (so programs, not only people, can tell).
 */
final class ApiErrors {
  private ApiErrors() {}

  static StatusRuntimeException invalid(String field, String message) {
    return invalid(message, List.of(BadRequest.FieldViolation.newBuilder().setField(field)
        .setDescription(message).build()));
  }

  static StatusRuntimeException invalidPipeline(String field, List<PipelineProblem> problems) {
    List<BadRequest.FieldViolation> violations = problems.stream()
        .map(p -> BadRequest.FieldViolation.newBuilder().setField(pipelineField(field, p))
            .setDescription(p.toString()).build())
        .toList();
    String message = "invalid pipeline: " + String.join("; ", problems.stream().map(PipelineProblem::toString).toList());
    return invalid(message, violations);
  }

  static StatusRuntimeException notFound(String taskId) {
    return Status.NOT_FOUND.withDescription("no task with id '" + taskId + "'").asRuntimeException();
  }

  static StatusRuntimeException failedPrecondition(String message) {
    return Status.FAILED_PRECONDITION.withDescription(message).asRuntimeException();
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

  private static StatusRuntimeException invalid(String message, List<BadRequest.FieldViolation> violations) {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage(message)
        .addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
