package io.nightshift.cli;

import io.grpc.ManagedChannel;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactRef;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.Task;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A finished task's result artifact, read through the API's artifact stream. Client-side only (the generated stubs),
 * so both the client commands and the demo can use it.
 */
final class TaskResultFile {
  private TaskResultFile() {}

  /** Streams the result into {@code out}, chunk by chunk, so a large report is never held whole in memory. */
  static void copy(ManagedChannel channel, Task task, OutputStream out) throws IOException {
    copy(channel, task.getId(), task.getResult(), out);
  }

  /** Streams one of the task's artifacts into {@code out}, read as {@code ref} (its digest and media type). */
  static void copy(ManagedChannel channel, String taskId, ArtifactRef ref, OutputStream out) throws IOException {
    var chunks = ArtifactServiceGrpc.newBlockingStub(channel).readArtifact(ReadArtifactRequest.newBuilder()
        .setTaskId(taskId).setDigest(ref.getDigest()).setMediaType(ref.getMediaType()).build());
    while (chunks.hasNext()) {
      ArtifactChunk c = chunks.next();
      c.getData().writeTo(out);
    }
  }

  /** The file name a result is saved under: {@code <task id>.<extension of its media type>}. */
  static String fileName(Task task) {
    return task.getId() + extension(task.getResult().getMediaType());
  }

  static String extension(String mediaType) {
    String base = mediaType.contains(";") ? mediaType.substring(0, mediaType.indexOf(';')).strip() : mediaType;
    return switch (base) {
      case "text/markdown" -> ".md";
      case "text/html" -> ".html";
      case "text/csv" -> ".csv";
      default -> ".out";
    };
  }
}
