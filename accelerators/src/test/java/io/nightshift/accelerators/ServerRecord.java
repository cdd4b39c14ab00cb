package io.nightshift.accelerators;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What fake_model_server.py recorded about how it was started: its arguments, the accelerator variables it saw, the
 * names of every variable in its environment, and (as a NIM container) the container's environment.
 */
public record ServerRecord(List<String> argv, Map<String, String> env, List<String> envNames, boolean compiled,
    Map<String, String> containerEnv) {
  private static final ObjectMapper JSON = new ObjectMapper();

  @SuppressWarnings("unchecked")
  public static ServerRecord read(Path file) {
    try {
      Map<String, Object> m = JSON.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
      return new ServerRecord((List<String>) m.get("argv"), (Map<String, String>) m.get("env"),
          (List<String>) m.get("env_names"), (Boolean) m.get("compiled"), (Map<String, String>) m.getOrDefault("container_env", Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
