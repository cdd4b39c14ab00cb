package io.nightshift.provisioning.llamacpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The launcher the runtime starts llama-cpp-python's server through: a small Python module shipped in this jar
 * ({@value #RESOURCE}) that registers the chat format {@value #CAPPED_CHAT_FORMAT} and then runs
 * {@code llama_cpp.server} with the same arguments.
 *
 * <p>Why: llama-cpp-python 0.3.36's {@code chatml-function-calling}, with {@code tool_choice: auto}, writes a tool
 * call's arguments (and the choice of a further call, and a plain message) with {@code max_tokens=None}, which
 * llama.cpp reads as "to the end of the window": a small model that never closes a string filled a 2,048-token
 * window in the long-agent bench (HTTP 400 for context length, or an answer that left no room). The capped format is
 * the library's own handler with every completion it asks for drawn from one budget of the request's
 * {@code max_tokens}; an answer cut there says {@code finish_reason: length}. The module's docstring has the details.
 */
public final class LlamaCppLauncher {
  /** The chat format the launcher adds: {@code chatml-function-calling} with the request's max_tokens honoured. */
  public static final String CAPPED_CHAT_FORMAT = "chatml-function-calling-capped";
  static final String RESOURCE = "/nightshift/llamacpp/nightshift_llama_server.py";
  /** The launcher's file name where it is written, and what a launch command names to be recognised as one. */
  public static final String FILE_NAME = "nightshift_llama_server.py";

  private LlamaCppLauncher() {
  }

  /**
   * Writes the launcher into {@code dir} (created if missing) unless the same bytes are already there, and returns
   * its path; an older launcher left by an earlier version is replaced.
   */
  public static Path writeInto(Path dir) {
    byte[] content = content();
    Path file = dir.resolve(FILE_NAME);
    try {
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
        return file;
      }
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, FILE_NAME, ".partial");
      Files.write(partial, content);
      return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LlamaCppException("cannot write the llama.cpp server launcher to " + file + ": " + e.getMessage(), e);
    }
  }

  static byte[] content() {
    try (InputStream in = LlamaCppLauncher.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath: a broken build of provisioning");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
