package io.nightshift.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three pipelines the soak keeps submitting, in turn: a map of {@code simulated.work} items (each holding one
 * unit of the workers' pool for a while), an agent step answered by the scripted OpenAI-compatible endpoint, and an
 * approval gate that the soak's own loop approves after a random delay.
 */
final class SoakMix {
  /** One kind of pipeline in the mix. */
  enum Kind { MAP, AGENT, GATE }

  static final String GATED_STEP = "publish";
  static final String MODEL_ID = "soak";
  private static final String GATE_INPUT = "soak-gate.csv";

  private final Path inputs;
  private final int itemsPerMap;
  private final double itemSeconds;
  private int next;

  SoakMix(Path inputs, int itemsPerMap, double itemSeconds) throws IOException {
    this.inputs = inputs;
    this.itemsPerMap = itemsPerMap;
    this.itemSeconds = itemSeconds;
    Files.writeString(inputs.resolve(GATE_INPUT), "id,value\na,1\nb,2\n");
  }

  /** The next task of the mix: its kind, pipeline, and for a map the item ids it must return exactly once. */
  record Next(Kind kind, String yaml, List<String> items) {}

  Next next() throws IOException {
    int n = next++;
    Kind kind = Kind.values()[n % Kind.values().length];
    String name = "soak-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n;
    return switch (kind) {
      case MAP -> map(name);
      case AGENT -> new Next(kind, String.format(Locale.ROOT, """
          name: %s
          steps:
            - name: analyst
              kind: agent
              model: %s
              instructions: "You are brief."
              prompt: "Say done %s."
              max_turns: 2
          """, name, MODEL_ID, AgentCalls.marker(n)), List.of());
      case GATE -> new Next(kind, String.format(Locale.ROOT, """
          name: %s
          steps:
            - {name: load, tool: data.read_csv, params: {source: "file:%s"}}
            - {name: %s, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
          """, name, GATE_INPUT, GATED_STEP), List.of());
    };
  }

  private Next map(String name) throws IOException {
    List<String> ids = new ArrayList<>();
    StringBuilder csv = new StringBuilder("id,work\n");
    for (int i = 0; i < itemsPerMap; i++) {
      String id = name + "-i" + i;
      ids.add(id);
      csv.append(id).append(',').append(String.format(Locale.ROOT, "%.3f", itemSeconds)).append('\n');
    }
    Files.writeString(inputs.resolve(name + ".csv"), csv);
    return new Next(Kind.MAP, String.format(Locale.ROOT, """
        name: %s
        steps:
          - {name: load, tool: data.read_csv, params: {source: "file:%s.csv"}}
          - name: work
            kind: map
            tool: simulated.work
            over: "${steps.load.output}"
            chunk_size: 1
            max_parallel: 4
            item_param: input
            requires: {units: 1, estimate: %ds}
            needs: [load]
        """, name, name, Math.max(1, Math.round(itemSeconds))), ids);
  }
}
