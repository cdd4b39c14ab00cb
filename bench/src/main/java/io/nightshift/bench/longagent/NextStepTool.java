package io.nightshift.bench.longagent;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.core.tool.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench.next_step}: the scripted tool that drives the long agent ({@link TaskScript}). Each call is numbered
 * once by its idempotency key, so a retried call gets the same step. It asks for one argument, the step just done,
 * which it does not use: offered a function without arguments beside the memory tools, SmolLM2-135M never chose it
 * in our probes, and with one it did. Free-text arguments are a risk with this server: llama-cpp-python's
 * {@code chatml-function-calling} writes a call's arguments without the request's max_tokens, and a 135M model that
 * never closes a string writes until the window is full (measured: 1,392 tokens, 131 s, then the server refused the
 * call as over its context length); the runtime's launcher now caps them at the request's max_tokens
 * ({@code LlamaCppLauncher}). At the save and the recall steps its result names the memory tool the model must call
 * next ({@link TaskScript#forcedTool}).
 */
final class NextStepTool implements Tool, ToolProvider {
  static final String NAME = "bench.next_step";
  private final TaskScript script;
  private final AtomicInteger calls = new AtomicInteger();
  private final Map<String, Integer> stepByKey = new ConcurrentHashMap<>();
  NextStepTool(TaskScript script) {
    this.script = script;
  }

  @Override
  public List<Tool> tools() {
    return List.of(this);
  }

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME, "Get the next step of the task. Call it again after each step.",
        List.of(ToolParam.required("step", "the number of the step you just did, 0 at the start")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    int step = stepByKey.computeIfAbsent(context.idempotencyKey(), k -> calls.incrementAndGet());
    // the instruction is the result's summary, which the model reads first; the filler is its content
    try {
      return new ToolOutput(context.artifacts().put(script.filler(step).getBytes(StandardCharsets.UTF_8),
          "text/plain"), script.instruction(step), script.forcedTool(step));
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the step's text: " + e.getMessage(), e);
    }
  }

  int calls() {
    return calls.get();
  }
}
