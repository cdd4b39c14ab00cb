package io.nightshift.api.edge;

import static io.nightshift.api.edge.HostileValues.anyInt;
import static io.nightshift.api.edge.HostileValues.anyLong;
import static io.nightshift.api.edge.HostileValues.bytes;
import static io.nightshift.api.edge.HostileValues.decimal;
import static io.nightshift.api.edge.HostileValues.name;
import static io.nightshift.api.edge.HostileValues.text;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.MethodDescriptor;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetBackendRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListBackendsRequest;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Well-formed requests with fuzzed values, for every method of every nightshift service, some carrying unknown
 * fields. None may change the task that was there before the fuzzing: calls that could (cancel, pause, resume,
 * steer) never name it, and approvals and rejections that name it never name the step it waits at.
 */
final class FuzzedRequests {
  private final String keptTaskId;
  private final String keptWaitingStep;

  FuzzedRequests(String keptTaskId, String keptWaitingStep) {
    this.keptTaskId = keptTaskId;
    this.keptWaitingStep = keptWaitingStep;
  }

  /** Every method of TaskService, ArtifactService and BackendService. */
  static List<MethodDescriptor<?, ?>> nightshiftMethods() {
    return List.of(TaskServiceGrpc.getServiceDescriptor(), ArtifactServiceGrpc.getServiceDescriptor(),
        BackendServiceGrpc.getServiceDescriptor()).stream().flatMap(s -> s.getMethods().stream()).toList();
  }

  Arbitrary<FuzzCall> wellFormed() {
    return Arbitraries.oneOf(List.of(
        call(TaskServiceGrpc.getSubmitTaskMethod(), Combinators.combine(FuzzedSpecs.specs().injectNull(0.05),
            name()).as((spec, id) -> {
              SubmitTaskRequest.Builder r = SubmitTaskRequest.newBuilder().setTaskId(id);
              return spec == null ? r.build() : r.setSpec(spec).build();
            })),
        call(TaskServiceGrpc.getGetTaskMethod(), anyTaskId().map(id -> GetTaskRequest.newBuilder().setTaskId(id)
            .build())),
        call(TaskServiceGrpc.getListTasksMethod(), Combinators.combine(pageSize(), bytes(16))
            .as((size, token) -> ListTasksRequest.newBuilder().setPageSize(size)
                .setPageToken(ByteString.copyFrom(token)).build())),
        call(TaskServiceGrpc.getWatchTaskMethod(), anyTaskId().map(id -> WatchTaskRequest.newBuilder()
            .setTaskId(id).build())),
        call(TaskServiceGrpc.getCancelTaskMethod(), Combinators.combine(otherTaskId(), text())
            .as((id, reason) -> CancelTaskRequest.newBuilder().setTaskId(id).setReason(reason).build())),
        call(TaskServiceGrpc.getPauseTaskMethod(), Combinators.combine(otherTaskId(), text())
            .as((id, reason) -> PauseTaskRequest.newBuilder().setTaskId(id).setReason(reason).build())),
        call(TaskServiceGrpc.getResumeTaskMethod(), otherTaskId().map(id -> ResumeTaskRequest.newBuilder()
            .setTaskId(id).build())),
        call(TaskServiceGrpc.getApproveTaskMethod(), Combinators.combine(anyTaskId(), notTheWaitingStep(), text(),
            text(), anyLong(), decimal()).as((id, step, comment, by, tokens, cost) -> ApproveTaskRequest
                .newBuilder().setTaskId(id).setStep(step).setComment(comment).setBy(by).setMaxTokens(tokens)
                .setMaxCost(cost).build())),
        call(TaskServiceGrpc.getRejectTaskMethod(), Combinators.combine(anyTaskId(), notTheWaitingStep(), text(),
            text()).as((id, step, comment, by) -> RejectTaskRequest.newBuilder().setTaskId(id).setStep(step)
                .setComment(comment).setBy(by).build())),
        call(TaskServiceGrpc.getSteerTaskMethod(), Combinators.combine(otherTaskId(), text())
            .as((id, guidance) -> SteerTaskRequest.newBuilder().setTaskId(id).setGuidance(guidance).build())),
        call(TaskServiceGrpc.getGetAgentConversationMethod(), Combinators.combine(anyTaskId(), text(), anyInt())
            .as((id, step, max) -> GetAgentConversationRequest.newBuilder().setTaskId(id).setStep(step)
                .setMaxMessages(max).build())),
        call(ArtifactServiceGrpc.getReadArtifactMethod(), Combinators.combine(digest(), text())
            .as((digest, type) -> ReadArtifactRequest.newBuilder().setDigest(digest).setMediaType(type).build())),
        call(BackendServiceGrpc.getListBackendsMethod(), Arbitraries.just(ListBackendsRequest.getDefaultInstance())),
        call(BackendServiceGrpc.getGetBackendMethod(), text().map(id -> GetBackendRequest.newBuilder()
            .setBackendId(id).build()))));
  }

  /** The message with unknown fields now and then (a newer client's): they must change nothing. */
  private static <M extends Message> Arbitrary<FuzzCall> call(MethodDescriptor<M, ?> method, Arbitrary<M> messages) {
    return Combinators.combine(messages, unknownFields().injectNull(0.8)).as((message, unknown) -> {
      Message sent = unknown == null ? message : message.toBuilder().mergeUnknownFields(unknown).build();
      return new FuzzCall(method, sent.toByteArray(), TextFormat.shortDebugString(sent));
    });
  }

  private static Arbitrary<UnknownFieldSet> unknownFields() {
    Arbitrary<UnknownFieldSet.Field> field = Arbitraries.oneOf(
        anyLong().map(v -> UnknownFieldSet.Field.newBuilder().addVarint(v).build()),
        anyLong().map(v -> UnknownFieldSet.Field.newBuilder().addFixed64(v).build()),
        anyInt().map(v -> UnknownFieldSet.Field.newBuilder().addFixed32(v).build()),
        bytes(32).map(v -> UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFrom(v)).build()));
    // known numbers too: a known field with another wire type is read as unknown
    return Combinators.combine(Arbitraries.integers().between(1, 536_870_911).edgeCases(e -> e.add(1, 2, 3)), field)
        .as((number, value) -> UnknownFieldSet.newBuilder().addField(number, value).build());
  }

  private Arbitrary<String> anyTaskId() {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(keptTaskId)), Tuple.of(6, name()));
  }

  private Arbitrary<String> otherTaskId() {
    return name().filter(id -> !id.strip().equals(keptTaskId));
  }

  private Arbitrary<String> notTheWaitingStep() {
    return name().filter(step -> !step.strip().equals(keptWaitingStep));
  }

  private static Arbitrary<Integer> pageSize() {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(-2, 3)), Tuple.of(1, anyInt()));
  }

  private static Arbitrary<String> digest() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofSize(32)
            .map(b -> "sha256:" + HexFormat.of().formatHex(b))),
        Tuple.of(1, text()));
  }
}
