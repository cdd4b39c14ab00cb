package io.nightshift.api.edge;

import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.SteerTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.WatchTaskRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every method of the task and artifact services, by how tenancy applies to it: a method that names a task is
 * called here with a task id and every other field filled, so that the only thing left to answer is whether the
 * caller may see the task. {@link TenantCallsTest} fails when a method of either service is not in here.
 */
final class TenantCalls {
  /** The step and the artifact the calls name: those of the task they are aimed at. */
  record Target(String taskId, String step, String digest) {}

  /** One call naming the target's task, answered with a status (OK when it got through). */
  @FunctionalInterface
  interface ByTaskId {
    void call(Channel channel, Target target);
  }

  /** The methods that name a task, each with a call that fills everything else. */
  static final Map<String, ByTaskId> BY_TASK_ID = Map.ofEntries(
      Map.entry(name(TaskServiceGrpc.getGetTaskMethod()), (c, t) -> tasks(c)
          .getTask(GetTaskRequest.newBuilder().setTaskId(t.taskId()).build())),
      Map.entry(name(TaskServiceGrpc.getWatchTaskMethod()), (c, t) -> tasks(c)
          .watchTask(WatchTaskRequest.newBuilder().setTaskId(t.taskId()).build()).hasNext()),
      Map.entry(name(TaskServiceGrpc.getCancelTaskMethod()), (c, t) -> tasks(c)
          .cancelTask(CancelTaskRequest.newBuilder().setTaskId(t.taskId()).setReason("not mine").build())),
      Map.entry(name(TaskServiceGrpc.getPauseTaskMethod()), (c, t) -> tasks(c)
          .pauseTask(PauseTaskRequest.newBuilder().setTaskId(t.taskId()).setReason("not mine").build())),
      Map.entry(name(TaskServiceGrpc.getResumeTaskMethod()), (c, t) -> tasks(c)
          .resumeTask(ResumeTaskRequest.newBuilder().setTaskId(t.taskId()).build())),
      Map.entry(name(TaskServiceGrpc.getApproveTaskMethod()), (c, t) -> tasks(c)
          .approveTask(ApproveTaskRequest.newBuilder().setTaskId(t.taskId()).setStep(t.step()).setBy("intruder")
              .build())),
      Map.entry(name(TaskServiceGrpc.getRejectTaskMethod()), (c, t) -> tasks(c)
          .rejectTask(RejectTaskRequest.newBuilder().setTaskId(t.taskId()).setStep(t.step()).setBy("intruder")
              .build())),
      Map.entry(name(TaskServiceGrpc.getSteerTaskMethod()), (c, t) -> tasks(c)
          .steerTask(SteerTaskRequest.newBuilder().setTaskId(t.taskId()).setGuidance("do it my way").build())),
      Map.entry(name(TaskServiceGrpc.getGetAgentConversationMethod()), (c, t) -> tasks(c)
          .getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(t.taskId()).setStep(t.step())
              .build())),
      Map.entry(name(TaskServiceGrpc.getForkTaskMethod()), (c, t) -> tasks(c)
          .forkTask(ForkTaskRequest.newBuilder().setTaskId(t.taskId()).setFromStep(t.step()).build())),
      Map.entry(name(ArtifactServiceGrpc.getListArtifactsMethod()), (c, t) -> ArtifactServiceGrpc
          .newBlockingStub(c).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listArtifacts(ListArtifactsRequest.newBuilder().setTaskId(t.taskId()).build())),
      Map.entry(name(ArtifactServiceGrpc.getReadArtifactMethod()), (c, t) -> ArtifactServiceGrpc
          .newBlockingStub(c).withDeadlineAfter(30, TimeUnit.SECONDS)
          .readArtifact(ReadArtifactRequest.newBuilder().setTaskId(t.taskId()).setDigest(t.digest()).build())
          .hasNext()));

  /**
   * The methods that name no existing task: SubmitTask (a new task, in the caller's tenant; an id already taken is
   * ALREADY_EXISTS alike for every tenant), ListTasks (the caller's tenant's tasks alone) and ListPipelines (the
   * operator's catalog, the same for every tenant, with no task data in it).
   */
  static final Set<String> SCOPED_OTHERWISE = Set.of(name(TaskServiceGrpc.getSubmitTaskMethod()),
      name(TaskServiceGrpc.getListTasksMethod()), name(TaskServiceGrpc.getListPipelinesMethod()));

  private TenantCalls() {}

  /** Every method the two services have, as their descriptors list them. */
  static Set<String> servedMethods() {
    return Stream.concat(TaskServiceGrpc.getServiceDescriptor().getMethods().stream(),
            ArtifactServiceGrpc.getServiceDescriptor().getMethods().stream())
        .map(MethodDescriptor::getFullMethodName).collect(Collectors.toSet());
  }

  /** The status a call ends with: OK, or the one it was refused with. */
  static Status statusOf(ByTaskId call, Channel channel, Target target) {
    try {
      call.call(channel, target);
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private static TaskServiceGrpc.TaskServiceBlockingStub tasks(Channel channel) {
    return TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static String name(MethodDescriptor<?, ?> method) {
    return method.getFullMethodName();
  }
}
