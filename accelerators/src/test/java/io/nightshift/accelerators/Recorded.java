package io.nightshift.accelerators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads what real tools printed, from {@code src/test/resources/recorded/} (README.md there says where each came from). */
public final class Recorded {
  private Recorded() {}

  public static String text(String name) {
    try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded output " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
