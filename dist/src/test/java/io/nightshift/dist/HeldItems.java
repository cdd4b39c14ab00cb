package io.nightshift.dist;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.core.tool.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A gate for map items in the ITs' runtimes: {@code test.held_item} passes its chunk through once, for each row, a
 * file named after the row's first column exists in the gate directory, so a test holds a map's items and
 * releases them one by one. Only a runtime started with {@value #GATE_DIR} in its environment has the tool (the
 * ITs' runtimes run on this test class path, and the planner of LlmGoalIT must not see it).
 */
public final class HeldItems implements ToolProvider {
  /** The environment variable naming the gate directory. */
  static final String GATE_DIR = "NIGHTSHIFT_IT_HELD_ITEMS";
  static final String TOOL = "test.held_item";

  @Override
  public List<Tool> tools() {
    String dir = System.getenv(GATE_DIR);
    return dir == null || dir.isBlank() ? List.of() : List.of(new HeldItem(Path.of(dir)));
  }

  /** Lets {@code item} of a held map go on. */
  static void release(Path gate, String item) throws IOException {
    Files.createDirectories(gate);
    Files.writeString(gate.resolve(item), "released");
  }

  private record HeldItem(Path gate) implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor(TOOL, "Passes a chunk of items through once the test released each of them",
          List.of(ToolParam.required("input", "a table whose first column names the items")));
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments args) {
      try {
        var chunk = context.artifacts().resolve(args.required("input"));
        Table rows = Csv.parse(new String(context.artifacts().read(chunk), StandardCharsets.UTF_8));
        for (List<String> row : rows.rows()) {
          while (!Files.exists(gate.resolve(row.get(0)))) {
            context.heartbeat("holding " + row.get(0));
            Thread.sleep(100);
          }
        }
        return new ToolOutput(chunk, rows.rows().size() + " item(s) released");
      } catch (IOException e) {
        throw ToolException.retryable("could not read the chunk: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ToolException.retryable("interrupted while held", e);
      }
    }
  }
}
