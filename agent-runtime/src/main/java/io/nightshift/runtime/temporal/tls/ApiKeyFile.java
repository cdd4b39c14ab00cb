package io.nightshift.runtime.temporal.tls;

import io.nightshift.runtime.config.TemporalSecurity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the API key of {@code --temporal-api-key-file}: one token, surrounding white space (the newline an editor
 * adds) dropped. It must be printable ASCII without spaces, since it travels in a gRPC header; a file with more
 * is refused at start rather than failing every call.
 */
final class ApiKeyFile {
  private ApiKeyFile() {}

  static String read(Path file) {
    String key = new String(SecretFile.read(TemporalSecurity.API_KEY_FLAG, file), StandardCharsets.UTF_8).strip();
    if (key.isEmpty()) {
      throw new IllegalArgumentException(TemporalSecurity.API_KEY_FLAG + " " + file + " is empty");
    }
    if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(TemporalSecurity.API_KEY_FLAG + " " + file + " must hold the API key alone:"
          + " one token of printable ASCII, without spaces or further lines");
    }
    return key;
  }
}
