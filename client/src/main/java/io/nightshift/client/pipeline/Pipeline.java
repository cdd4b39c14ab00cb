package io.nightshift.client.pipeline;

import io.nightshift.api.v1.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline built in Java rather than written in YAML; {@link #toYaml()} gives the YAML the runtime reads (the same
 * keys as a pipeline file, see the root README), and {@link #toSpec()} a task spec carrying it. The runtime checks it
 * on submission as it checks any pipeline: this builder checks only what it can alone (names, duplicates).
 *
 * <pre>
 * Pipeline.named("screen")
 *     .param("max_mw", "500")
 *     .step(Step.tool("load", "data.read_csv").param("source", "classpath:nightshift/data/approved_drugs.csv"))
 *     .step(Step.tool("filter", "table.filter").param("input", Step.output("load"))
 *         .param("where", "mw &lt;= ${params.max_mw}"))
 *     .toYaml();
 * </pre>
 */
public final class Pipeline {
  private final String name;
  private String description;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final List<Step> steps = new ArrayList<>();

  private Pipeline(String name) {
    this.name = Step.checkName("pipeline name", name);
  }

  public static Pipeline named(String name) {
    return new Pipeline(name);
  }

  public Pipeline description(String text) {
    this.description = text;
    return this;
  }

  /** Declares a parameter with its default; a task's params override it. */
  public Pipeline param(String name, String defaultValue) {
    if (defaultValue == null) {
      throw new IllegalArgumentException("parameter " + name + ": a default must not be null (requiredParam"
          + " declares one without)");
    }
    params.put(Step.checkName("parameter name", name), defaultValue);
    return this;
  }

  /** Declares a parameter every task must give. */
  public Pipeline requiredParam(String name) {
    params.put(Step.checkName("parameter name", name), null);
    return this;
  }

  public Pipeline step(Step step) {
    if (steps.stream().anyMatch(s -> s.name().equals(step.name()))) {
      throw new IllegalArgumentException("pipeline " + name + " already has a step named " + step.name());
    }
    steps.add(step);
    return this;
  }

  /** {@code ${params.<name>}}: a parameter's value, in a step's param or prompt. */
  public static String paramRef(String name) {
    return "${params." + name + "}";
  }

  public String toYaml() {
    if (steps.isEmpty()) {
      throw new IllegalStateException("pipeline " + name + " has no steps");
    }
    YamlText yaml = new YamlText();
    yaml.text(0, "name", name);
    if (description != null) {
      yaml.text(0, "description", description);
    }
    if (!params.isEmpty()) {
      yaml.map(0, "params", params);
    }
    yaml.open(0, "steps");
    steps.forEach(s -> s.write(yaml));
    return yaml.toString();
  }

  /** A task spec running this pipeline, to add the task's params, budget and goal to. */
  public TaskSpec.Builder toSpec() {
    return TaskSpec.newBuilder().setPipelineYaml(toYaml());
  }
}
