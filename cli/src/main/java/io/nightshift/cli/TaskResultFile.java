package io.nightshift.cli;

import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ArtifactRef;
import io.nightshift.api.v1.Task;
import io.nightshift.client.NightshiftClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A finished task's result artifact, read through the API's artifact stream. Client-side only (the Java client),
 * so both the client commands and the demo can use it.
 */
final class TaskResultFile {
  private TaskResultFile() {}

  /** Streams the result into {@code out}, chunk by chunk, so a large report is never held whole in memory. */
  static void copy(NightshiftClient client, Task task, OutputStream out) throws IOException {
    copy(client, task.getId(), task.getResult(), out);
  }

  /** Streams one of the task's artifacts into {@code out}, read as {@code ref} (its digest and media type). */
  static void copy(NightshiftClient client, String taskId, ArtifactRef ref, OutputStream out) throws IOException {
    try (InputStream in = client.openArtifact(taskId, ref)) {
      in.transferTo(out);
    } catch (IOException e) {
      if (e.getCause() instanceof StatusRuntimeException refused) {
        throw refused; // the API's answer, reported as every other command reports one
      }
      throw e;
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
