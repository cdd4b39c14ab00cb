package io.nightshift.dist;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instructions of a Dockerfile that the image test checks, read the way the builder reads them: comment lines
 * dropped, lines ending in a backslash joined, each instruction's keyword and its arguments.
 */
record Dockerfile(List<Instruction> instructions) {
  /** One instruction: {@code COPY}, {@code ENTRYPOINT}, ... and the text after the keyword. */
  record Instruction(String keyword, String arguments) {}

  /** A {@code COPY}: its sources (relative to the build context) and its destination in the image. */
  record Copy(List<String> sources, String destination) {}

  static Dockerfile read(Path file) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      if (line.stripLeading().startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      String whole = (pending + line).strip();
      pending.setLength(0);
      if (!whole.isEmpty()) {
        String[] parts = whole.split("\\s+", 2);
        instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
      }
    }
    return new Dockerfile(instructions);
  }

  List<String> arguments(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
  }

  /** Every COPY in shell form, its {@code --flags} left out. */
  List<Copy> copies() {
    return arguments("COPY").stream().map(a -> {
      List<String> words = new ArrayList<>(Arrays.stream(a.split("\\s+")).filter(w -> !w.startsWith("--")).toList());
      String destination = words.remove(words.size() - 1);
      return new Copy(words, destination);
    }).toList();
  }

  /** The ENTRYPOINT in exec form (a JSON array), as the container runtime starts it. */
  List<String> entrypoint() throws IOException {
    List<String> all = arguments("ENTRYPOINT");
    if (all.size() != 1) {
      throw new AssertionError("expected one ENTRYPOINT, found " + all);
    }
    return Arrays.asList(new ObjectMapper().readValue(all.get(0), String[].class));
  }
}
