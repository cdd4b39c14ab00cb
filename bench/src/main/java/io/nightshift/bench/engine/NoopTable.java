package io.nightshift.bench.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The input of the map benchmarks: a CSV of {@code id,value} rows, written into the runtime's inputs dir. */
public final class NoopTable {
  /** Keeps every row of {@link #write}'s table, so the map's tool passes each chunk through unchanged. */
  public static final String KEEP_ALL = "id >= 0";

  private NoopTable() {}

  /** @return the file name, for a {@code data.read_csv} {@code file:} source */
  public static String write(Path inputsDir, int rows) throws IOException {
    String name = "rows-" + rows + ".csv";
    try (BufferedWriter w = Files.newBufferedWriter(inputsDir.resolve(name), StandardCharsets.UTF_8)) {
      w.write("id,value\n");
      for (int i = 0; i < rows; i++) {
        w.write(i + "," + (i % 997) + "\n");
      }
    }
    return name;
  }
}
