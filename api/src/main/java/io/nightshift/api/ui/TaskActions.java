package io.nightshift.api.ui;

import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.SteerTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The UI's task controls: each is the API's request message written as JSON (the task id comes from the path), sent
 * to the gRPC API as it is, so the API decides what is valid and the page shows its answer. A fork answers with
 * the API's ForkTaskResponse (the new task's id, the kept and rerun steps); the others with a plain ok.
 */
final class TaskActions {
  /** @param answers whether the page gets the API's answer (a fork's new id and steps) rather than a plain ok */
  private record Action(Message.Builder template, BiFunction<Message.Builder, String, Message> call,
      boolean answers) {
    Action(Message.Builder template, BiFunction<Message.Builder, String, Message> call) {
      this(template, call, false);
    }
  }

  private final Map<String, Action> actions;

  TaskActions(TaskServiceGrpc.TaskServiceBlockingStub api) {
    this.actions = Map.of(
        "pause", new Action(PauseTaskRequest.newBuilder(),
            (b, id) -> api.pauseTask(((PauseTaskRequest.Builder) b).setTaskId(id).build())),
        "resume", new Action(ResumeTaskRequest.newBuilder(),
            (b, id) -> api.resumeTask(((ResumeTaskRequest.Builder) b).setTaskId(id).build())),
        "cancel", new Action(CancelTaskRequest.newBuilder(),
            (b, id) -> api.cancelTask(((CancelTaskRequest.Builder) b).setTaskId(id).build())),
        "approve", new Action(ApproveTaskRequest.newBuilder(),
            (b, id) -> api.approveTask(((ApproveTaskRequest.Builder) b).setTaskId(id).build())),
        "reject", new Action(RejectTaskRequest.newBuilder(),
            (b, id) -> api.rejectTask(((RejectTaskRequest.Builder) b).setTaskId(id).build())),
        "steer", new Action(SteerTaskRequest.newBuilder(),
            (b, id) -> api.steerTask(((SteerTaskRequest.Builder) b).setTaskId(id).build())),
        "fork", new Action(ForkTaskRequest.newBuilder(),
            (b, id) -> api.forkTask(((ForkTaskRequest.Builder) b).setTaskId(id).build()), true));
  }

  void run(HttpExchange ex, String taskId, String name) throws IOException {
    Action action = actions.get(name);
    if (action == null) {
      WorkflowUiServer.sendJson(ex, 404, HttpStatuses.body("NOT_FOUND", "no task action '" + name
          + "'; there are " + String.join(", ", new TreeSet<>(actions.keySet())), null));
      return;
    }
    Optional<Message.Builder> request = JsonBodies.read(ex, action.template(), JsonBodies.MAX_BODY);
    if (request.isEmpty()) {
      return;
    }
    Message answer = action.call().apply(request.get(), taskId);
    if (action.answers()) {
      WorkflowUiServer.sendProto(ex, 200, answer);
      return;
    }
    WorkflowUiServer.sendJson(ex, 200, Map.of("taskId", taskId, "action", name, "ok", true));
  }
}
