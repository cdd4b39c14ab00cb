package io.nightshift.cli;

import io.grpc.ManagedChannel;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.core.files.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A finished task's result artifact, read through the API's artifact stream and written to a file. */
final class TaskResultFile {
  private TaskResultFile() {}

  /** Streams the result into {@code out}, chunk by chunk, so a large report is never held whole in memory. */
  static void copy(ManagedChannel channel, Task task, OutputStream out) throws IOException {
    var chunks = ArtifactServiceGrpc.newBlockingStub(channel).readArtifact(ReadArtifactRequest.newBuilder()
        .setTaskId(task.getId()).setDigest(task.getResult().getDigest())
        .setMediaType(task.getResult().getMediaType()).build());
    while (chunks.hasNext()) {
      ArtifactChunk c = chunks.next();
      c.getData().writeTo(out);
    }
  }

  /** Writes the result as {@code <dir>/<task id>.<extension of its media type>} and returns that path. */
  static Path saveUnder(ManagedChannel channel, Task task, Path dir) throws IOException {
    OwnerOnly.createDirectories(dir); // results are task data: this user's alone, like the data directory
    Path file = dir.resolve(task.getId() + extension(task.getResult().getMediaType()));
    try (OutputStream out = Files.newOutputStream(file)) {
      copy(channel, task, out);
    }
    return file;
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
