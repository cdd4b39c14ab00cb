package io.nightshift.client.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One step of a {@link Pipeline}: a tool call, a map of a tool over a table's rows, an agent, or a wait; any of them
 * may wait for approval first. Each setter is one key of the pipeline format, written only when set, so the
 * runtime's defaults apply to the rest.
 */
public final class Step {
  /** The runtime's rule for step and pipeline names (its StepParser). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private final String name;
  private final String kind;
  private String tool;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final List<String> needs = new ArrayList<>();
  private final Map<String, Long> numbers = new LinkedHashMap<>();
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final Map<String, String> durations = new LinkedHashMap<>();
  private List<String> agentTools = List.of();
  private boolean approval;
  private boolean continueOnError;
  private int retryAttempts;

  private Step(String name, String kind) {
    this.name = checkName("step name", name);
    this.kind = kind;
  }

  /** A step that calls {@code tool} once. */
  public static Step tool(String name, String tool) {
    Step s = new Step(name, null);
    s.tool = tool;
    return s;
  }

  /** A step that calls {@code tool} once per row of the table {@code over} names ({@code ${steps.x.output}}). */
  public static Step map(String name, String tool, String over) {
    Step s = new Step(name, "map");
    s.tool = tool;
    s.texts.put("over", over);
    return s;
  }

  /** An agent: the model endpoint {@code model} works on {@code prompt} with the tools it is given. */
  public static Step agent(String name, String model, String prompt) {
    Step s = new Step(name, "agent");
    s.texts.put("model", model);
    s.texts.put("prompt", prompt);
    return s;
  }

  /** A step that waits {@code duration} (whole milliseconds or more). */
  public static Step waitFor(String name, Duration duration) {
    Step s = new Step(name, "wait");
    s.durations.put("duration", millis("duration", duration));
    return s;
  }

  /** {@code ${steps.<step>.output}}: the output of another step, as a param's value. */
  public static String output(String step) {
    return "${steps." + step + ".output}";
  }

  public Step param(String key, String value) {
    if (value == null) {
      throw new IllegalArgumentException("step " + name + ": param " + key + " needs a value");
    }
    params.put(key, value);
    return this;
  }

  public Step needs(String... steps) {
    needs.addAll(List.of(steps));
    return this;
  }

  /** The step waits for ApproveTask before it runs. */
  public Step approvalRequired() {
    approval = true;
    return this;
  }

  /** A failure of this step does not fail the task. */
  public Step continueOnError() {
    continueOnError = true;
    return this;
  }

  /** Tries in all (1 to 1000), the first included. */
  public Step retryAttempts(int maxAttempts) {
    if (maxAttempts < 1 || maxAttempts > 1000) {
      throw new IllegalArgumentException("step " + name + ": retry attempts must be 1 to 1000, was " + maxAttempts);
    }
    retryAttempts = maxAttempts;
    return this;
  }

  /** The longest one try of the step may run. */
  public Step timeout(Duration timeout) {
    durations.put("timeout", millis("timeout", timeout));
    return this;
  }

  /** Map steps: rows per chunk (1 to 100,000). */
  public Step chunkSize(int rows) {
    return number("chunk_size", rows, "map");
  }

  /** Map steps: chunks running at once. */
  public Step maxParallel(int chunks) {
    return number("max_parallel", chunks, "map");
  }

  /** Map steps: the tool parameter each row goes to (default input). */
  public Step itemParam(String param) {
    return text("item_param", param, "map");
  }

  /** Agent steps: the system instructions. */
  public Step instructions(String text) {
    return text("instructions", text, "agent");
  }

  /** Agent steps: the tools the model may call, by registry name. */
  public Step tools(String... toolNames) {
    requireKind("tools", "agent");
    agentTools = List.of(toolNames);
    return this;
  }

  /** Agent steps: the most model turns. */
  public Step maxTurns(int turns) {
    return number("max_turns", turns, "agent");
  }

  String name() {
    return name;
  }

  void write(YamlText yaml) {
    yaml.item(2, "name", name);
    if (kind != null) {
      yaml.text(4, "kind", kind);
    }
    if (tool != null) {
      yaml.text(4, "tool", tool);
    }
    texts.forEach((k, v) -> yaml.text(4, k, v));
    numbers.forEach((k, v) -> yaml.number(4, k, v));
    durations.forEach((k, v) -> yaml.text(4, k, v));
    if (!agentTools.isEmpty()) {
      yaml.list(4, "tools", agentTools);
    }
    if (!params.isEmpty()) {
      yaml.map(4, "params", params);
    }
    if (!needs.isEmpty()) {
      yaml.list(4, "needs", needs);
    }
    if (retryAttempts > 0) {
      yaml.open(4, "retry");
      yaml.number(6, "max_attempts", retryAttempts);
    }
    if (continueOnError) {
      yaml.bool(4, "continue_on_error", true);
    }
    if (approval) {
      yaml.text(4, "approval", "required");
    }
  }

  static String checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must be 1 to 64 letters, digits, '_' or '-', starting with a"
          + " letter, was " + name);
    }
    return name;
  }

  private Step number(String key, long value, String requiredKind) {
    requireKind(key, requiredKind);
    if (value < 1) {
      throw new IllegalArgumentException("step " + name + ": " + key + " must be > 0, was " + value);
    }
    numbers.put(key, value);
    return this;
  }

  private Step text(String key, String value, String requiredKind) {
    requireKind(key, requiredKind);
    texts.put(key, value);
    return this;
  }

  private void requireKind(String key, String requiredKind) {
    if (!requiredKind.equals(kind)) {
      throw new IllegalStateException("step " + name + ": only a " + requiredKind + " step takes " + key);
    }
  }

  /** The format's durations in whole milliseconds ({@code 1500ms}), so no precision is lost or rounded. */
  private static String millis(String key, Duration d) {
    if (d == null || d.toMillis() < 1) {
      throw new IllegalArgumentException(key + " must be at least 1 ms, was " + d);
    }
    return d.toMillis() + "ms";
  }
}
