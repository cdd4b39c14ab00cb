package io.nightshift.api.edge;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.nightshift.workflows.logging.TaskLogContext;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Puts the task a call is about ({@code task_id} of its request) in MDC while the call's listener runs, so every
 * line the API logs for it (the audit log's, the service's, the Temporal client's) carries the task's id, as lines
 * from workflows and activities do. The id is the client's text, not yet checked: only one of bounded length and
 * without control characters is put, so no request can forge or flood log lines.
 *
 * <p>grpc may run a call's listener events on different threads: each event puts the id and takes it away again.
 */
public final class TaskIdInLogs implements ServerInterceptor {
  private static final String FIELD = "task_id";
  private static final int MAX_ID = 200;

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private String taskId;

      @Override
      public void onMessage(ReqT message) {
        taskId = taskIdOf(message).orElse(taskId);
        during(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        during(super::onHalfClose);
      }

      @Override
      public void onCancel() {
        during(super::onCancel);
      }

      @Override
      public void onComplete() {
        during(super::onComplete);
      }

      @Override
      public void onReady() {
        during(super::onReady);
      }

      private void during(Runnable event) {
        if (taskId == null) {
          event.run();
          return;
        }
        MDC.put(TaskLogContext.TASK_ID, taskId);
        try {
          event.run();
        } finally {
          MDC.remove(TaskLogContext.TASK_ID);
        }
      }
    };
  }

  /** The request's {@code task_id}, when it has one that may go into a log line. */
  static Optional<String> taskIdOf(Object received) {
    if (!(UnparseableRequests.requestMessage(received).orElse(null) instanceof Message request)) {
      return Optional.empty();
    }
    FieldDescriptor field = request.getDescriptorForType().findFieldByName(FIELD);
    if (field == null || field.getJavaType() != FieldDescriptor.JavaType.STRING || field.isRepeated()) {
      return Optional.empty();
    }
    String id = (String) request.getField(field);
    boolean loggable = !id.isBlank() && id.length() <= MAX_ID && id.chars().noneMatch(Character::isISOControl);
    return loggable ? Optional.of(id) : Optional.empty();
  }
}
