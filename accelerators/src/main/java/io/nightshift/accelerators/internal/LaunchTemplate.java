package io.nightshift.accelerators.internal;

import io.nightshift.core.process.PassThrough;
import io.nightshift.core.process.ToolEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model server's command line with {@code {placeholders}}, where it reports health and load, and (optionally) the
 * chat completions path asked for one short answer before the server counts as started: a server can answer its
 * health check and still die on its first computation (a build for another CPU does). Placeholders:
 * {@code {model} {tp} {port} {max-num-seqs} {devices} {host} {artifacts} {threads}}. An unknown placeholder is an
 * error at render time, naming the template, so a typo in configuration cannot start a wrong command.
 *
 * <p>The server gets the base environment ({@link ToolEnvironment#BASE}), the lease's variables, the spec's declared
 * values, and from the runtime's environment only the names in {@code passEnv} ({@link PassThrough} says why each).
 */
public record LaunchTemplate(String name, List<String> command, String healthPath, String metricsPath,
    String firstAnswerPath, Set<String> passEnv) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

  public LaunchTemplate {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("launch template '" + name + "' has an empty command");
    }
    healthPath = healthPath == null || healthPath.isBlank() ? "/health" : healthPath;
    metricsPath = metricsPath == null ? "" : metricsPath;
    firstAnswerPath = firstAnswerPath == null ? "" : firstAnswerPath;
    passEnv = Set.copyOf(passEnv);
    for (String n : passEnv) {
      if (!ToolEnvironment.isName(n)) {
        throw new IllegalArgumentException("launch template '" + name + "' passes '" + n
            + "', which is not an environment variable's name");
      }
    }
  }

  /**
   * vLLM's OpenAI-compatible server, the same on GPUs and (with the vllm-neuron plugin) on NeuronCores; it downloads
   * its model from the Hugging Face hub ({@link PassThrough#HUGGING_FACE}).
   */
  public static LaunchTemplate vllm(String executable) {
    return new LaunchTemplate("vllm", List.of(executable, "serve", "{model}", "--tensor-parallel-size", "{tp}",
        "--max-num-seqs", "{max-num-seqs}", "--host", "{host}", "--port", "{port}"), "/health", "/metrics", "",
        PassThrough.HUGGING_FACE);
  }

  public List<String> render(Map<String, String> variables, List<String> extraArgs) {
    List<String> out = new ArrayList<>();
    for (String word : command) {
      Matcher m = PLACEHOLDER.matcher(word);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String value = variables.get(m.group(1));
        if (value == null) {
          throw new IllegalArgumentException("launch template '" + name + "' uses unknown placeholder {"
              + m.group(1) + "}; known: " + variables.keySet());
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(value));
      }
      m.appendTail(sb);
      out.add(sb.toString());
    }
    out.addAll(extraArgs);
    return out;
  }
}
