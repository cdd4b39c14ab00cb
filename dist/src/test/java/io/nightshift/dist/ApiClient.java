package io.nightshift.dist;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.WatchTaskRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The gRPC calls the end-to-end tests make, as a client program would make them. */
final class ApiClient {
  private final ManagedChannel channel;

  ApiClient(ManagedChannel channel) {
    this.channel = channel;
  }

  TaskServiceGrpc.TaskServiceBlockingStub tasks() {
    return TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  String submitNamed(String pipeline, Map<String, String> params) {
    return tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineName(pipeline).putAllParams(params).setGoal("e2e " + pipeline)).build()).getTaskId();
  }

  String submitYaml(String yaml, Map<String, String> params) {
    return tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(yaml).putAllParams(params)).build()).getTaskId();
  }

  String submitYaml(String yaml, Map<String, String> params, Map<String, String> labels) {
    return tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(yaml).putAllParams(params).putAllLabels(labels)).build()).getTaskId();
  }

  /** Submits once the API answers: a separately started api process may still be coming up. */
  String submitYamlWhenServing(String yaml, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return submitYaml(yaml, Map.of());
      } catch (StatusRuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  Task get(String id) {
    return tasks().getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
  }

  /** Every event of a watch, to the end of the task. */
  List<Task> watch(String id, Duration timeout) {
    List<Task> seen = new ArrayList<>();
    TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .watchTask(WatchTaskRequest.newBuilder().setTaskId(id).build())
        .forEachRemaining((TaskEvent e) -> seen.add(e.getTask()));
    return seen;
  }

  /** Polls GetTask until the condition holds. */
  Task awaitTask(String id, Predicate<Task> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Task t = get(id);
    while (!condition.test(t)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("task never reached the expected condition; last view:\n" + t);
      }
      Thread.sleep(200);
      t = get(id);
    }
    return t;
  }

  /** An output of the task {@code taskId}, as the task's view names it. */
  String readArtifact(String taskId, String digest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArtifactServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .readArtifact(ReadArtifactRequest.newBuilder().setTaskId(taskId).setDigest(digest).build())
        .forEachRemaining(c -> out.writeBytes(c.getData().toByteArray()));
    return out.toString(StandardCharsets.UTF_8);
  }
}
