package io.nightshift.api.edge;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.MethodDescriptor;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetBackendRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.ListPipelinesRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.SteerTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.WatchTaskRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Well-formed requests with fuzzed values, for every method of every nightshift service, some carrying unknown
 * fields. None may change the task that was there before the fuzzing: calls that could (cancel, pause, resume,
 * steer) never name it, and approvals and rejections that name it never name the step it waits at.
 */
final class FuzzedRequests {
  private final HostileValues values;
  private final Dice dice;
  private final FuzzedSpecs specs;
  private final String keptTaskId;
  private final String keptWaitingStep;
  private final List<Supplier<FuzzCall>> perMethod;

  FuzzedRequests(HostileValues values, String keptTaskId, String keptWaitingStep) {
    this.values = values;
    this.dice = values.dice();
    this.specs = new FuzzedSpecs(values);
    this.keptTaskId = keptTaskId;
    this.keptWaitingStep = keptWaitingStep;
    this.perMethod = perMethod();
  }

  /** Every method of TaskService, ArtifactService and BackendService. */
  static List<MethodDescriptor<?, ?>> nightshiftMethods() {
    return List.of(TaskServiceGrpc.getServiceDescriptor(), ArtifactServiceGrpc.getServiceDescriptor(),
        BackendServiceGrpc.getServiceDescriptor()).stream().flatMap(s -> s.getMethods().stream()).toList();
  }

  /** A well-formed request to one of the nightshift methods, each as likely as the others. */
  FuzzCall wellFormed() {
    return dice.oneOf(perMethod).get();
  }

  /** One maker per method, drawn from evenly, so every method gets its share of the tries. */
  private List<Supplier<FuzzCall>> perMethod() {
    return List.of(
        () -> call(TaskServiceGrpc.getSubmitTaskMethod(), submitTask()),
        () -> call(TaskServiceGrpc.getGetTaskMethod(), GetTaskRequest.newBuilder().setTaskId(anyTaskId()).build()),
        () -> call(TaskServiceGrpc.getListTasksMethod(), ListTasksRequest.newBuilder().setPageSize(pageSize())
            .setPageToken(ByteString.copyFrom(values.bytes(16))).build()),
        () -> call(TaskServiceGrpc.getWatchTaskMethod(), WatchTaskRequest.newBuilder().setTaskId(anyTaskId())
            .build()),
        () -> call(TaskServiceGrpc.getCancelTaskMethod(), CancelTaskRequest.newBuilder().setTaskId(otherTaskId())
            .setReason(values.text()).build()),
        () -> call(TaskServiceGrpc.getPauseTaskMethod(), PauseTaskRequest.newBuilder().setTaskId(otherTaskId())
            .setReason(values.text()).build()),
        () -> call(TaskServiceGrpc.getResumeTaskMethod(), ResumeTaskRequest.newBuilder().setTaskId(otherTaskId())
            .build()),
        () -> call(TaskServiceGrpc.getApproveTaskMethod(), ApproveTaskRequest.newBuilder().setTaskId(anyTaskId())
            .setStep(notTheWaitingStep()).setComment(values.text()).setBy(values.text())
            .setMaxTokens(values.anyLong()).setMaxCost(values.decimal()).build()),
        () -> call(TaskServiceGrpc.getRejectTaskMethod(), RejectTaskRequest.newBuilder().setTaskId(anyTaskId())
            .setStep(notTheWaitingStep()).setComment(values.text()).setBy(values.text()).build()),
        () -> call(TaskServiceGrpc.getSteerTaskMethod(), SteerTaskRequest.newBuilder().setTaskId(otherTaskId())
            .setGuidance(values.text()).build()),
        () -> call(TaskServiceGrpc.getGetAgentConversationMethod(), GetAgentConversationRequest.newBuilder()
            .setTaskId(anyTaskId()).setStep(values.text()).setMaxMessages(values.anyInt()).build()),
        () -> call(TaskServiceGrpc.getListPipelinesMethod(), ListPipelinesRequest.getDefaultInstance()),
        () -> call(ArtifactServiceGrpc.getReadArtifactMethod(), ReadArtifactRequest.newBuilder().setDigest(digest())
            .setMediaType(values.text()).setTaskId(anyTaskId()).setOffset(values.anyLong())
            .setLength(values.anyLong()).build()),
        () -> call(TaskServiceGrpc.getForkTaskMethod(), ForkTaskRequest.newBuilder().setTaskId(anyTaskId())
            .setFromStep(values.name()).putParams(values.name(), values.text()).setNewTaskId(values.name()).build()),
        () -> call(ArtifactServiceGrpc.getListArtifactsMethod(), ListArtifactsRequest.newBuilder()
            .setTaskId(anyTaskId()).setPageSize(pageSize()).setPageToken(values.text()).build()),
        () -> call(BackendServiceGrpc.getListBackendsMethod(), ListBackendsRequest.getDefaultInstance()),
        () -> call(BackendServiceGrpc.getGetBackendMethod(), GetBackendRequest.newBuilder()
            .setBackendId(values.text()).build()));
  }

  /** A spec nineteen times in twenty: a submission without one must be refused too. */
  private SubmitTaskRequest submitTask() {
    SubmitTaskRequest.Builder request = SubmitTaskRequest.newBuilder();
    if (dice.chance(0.95)) {
      request.setSpec(specs.spec());
    }
    return request.setTaskId(values.name()).build();
  }

  /** The message with unknown fields one time in five (a newer client's): they must change nothing. */
  private <M extends Message> FuzzCall call(MethodDescriptor<M, ?> method, M message) {
    Message sent = dice.chance(0.2) ? message.toBuilder().mergeUnknownFields(unknownFields()).build() : message;
    return new FuzzCall(method, sent.toByteArray(), TextFormat.shortDebugString(sent));
  }

  private UnknownFieldSet unknownFields() {
    UnknownFieldSet.Field.Builder field = UnknownFieldSet.Field.newBuilder();
    switch (dice.weighted(1, 1, 1, 1)) {
      case 0 -> field.addVarint(values.anyLong());
      case 1 -> field.addFixed64(values.anyLong());
      case 2 -> field.addFixed32(values.anyInt());
      default -> field.addLengthDelimited(ByteString.copyFrom(values.bytes(32)));
    }
    // known numbers too, a third of the time: a known field with another wire type is read as unknown
    int number = dice.weighted(1, 2) == 0 ? dice.between(1, 8) : dice.between(1, 536_870_911);
    return UnknownFieldSet.newBuilder().addField(number, field.build()).build();
  }

  /** The kept task one time in seven, so reads and refused decisions reach a task that exists. */
  private String anyTaskId() {
    return dice.weighted(1, 6) == 0 ? keptTaskId : values.name();
  }

  private String otherTaskId() {
    String id;
    do {
      id = values.name();
    } while (id.strip().equals(keptTaskId));
    return id;
  }

  private String notTheWaitingStep() {
    String step;
    do {
      step = values.name();
    } while (step.strip().equals(keptWaitingStep));
    return step;
  }

  private int pageSize() {
    return dice.weighted(3, 1) == 0 ? dice.between(-2, 3) : values.anyInt();
  }

  private String digest() {
    return dice.weighted(2, 1) == 0 ? "sha256:" + HexFormat.of().formatHex(dice.bytes(32)) : values.text();
  }
}

