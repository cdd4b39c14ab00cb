package io.nightshift.planners.declarative;

import io.nightshift.core.error.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.StepSpec;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads pipeline YAML into a {@link PipelineSpec}. Works on SnakeYAML's node tree rather than plain maps so
 * that every problem can name its line. Collects all shape problems before failing.
 *
 * <pre>
 * name: sample
 * params: {threshold: "500"}        # declared parameters; null default = required
 * steps:
 *   - name: load
 *     tool: data.read_csv
 *     params: {source: "classpath:data.csv"}
 *   - name: filter
 *     tool: table.filter
 *     params: {input: "${steps.load.output}", where: "mw <= ${params.threshold}"}
 * </pre>
 */
public final class PipelineParser {
  private static final Set<String> TOP_KEYS = Set.of("name", "description", "params", "steps", "placement");
  private static final Set<String> POLICIES = Set.of("cheapest", "fastest", "lowest_energy", "pinned");
  private static final int MAX_YAML_CHARS = 1_000_000;

  public PipelineSpec parse(String yamlText) {
    List<PipelineProblem> problems = new ArrayList<>();
    if (yamlText == null || yamlText.isBlank()) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0, "pipeline is empty")));
    }
    if (yamlText.length() > MAX_YAML_CHARS) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0,
          "pipeline is " + yamlText.length() + " characters; the limit is " + MAX_YAML_CHARS)));
    }
    Node root = compose(yamlText);
    if (!(root instanceof MappingNode top)) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, YamlNodes.line(root),
          "a pipeline must be a YAML mapping with 'name' and 'steps'")));
    }
    YamlNodes y = new YamlNodes(null, problems);
    Map<String, Node> fields = y.fields(top, TOP_KEYS);
    String name = y.scalar(fields.get("name"), "name");
    if (name == null) {
      y.problem("name", top, "missing: every pipeline needs a name");
    }
    String description = y.scalar(fields.get("description"), "description");
    Map<String, String> params = y.stringMap(fields.get("params"), "params", true);
    List<StepSpec> steps = steps(fields.get("steps"), YamlNodes.line(top), problems);
    if (!problems.isEmpty()) {
      throw new InvalidPipelineException(problems);
    }
    return new PipelineSpec(name, description, params, steps, placement(y, fields.get("placement")));
  }

  private static Node compose(String yamlText) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    try {
      return new Yaml(options).compose(new StringReader(yamlText));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, line,
          "YAML syntax error: " + e.getProblem())));
    } catch (YAMLException e) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0,
          "YAML syntax error: " + e.getMessage())));
    }
  }

  private static PlacementSpec placement(YamlNodes y, Node node) {
    if (node == null) {
      return PlacementSpec.DEFAULT;
    }
    Map<String, String> f = y.stringMap(node, "placement", false);
    String policy = f.getOrDefault("policy", "cheapest");
    if (!POLICIES.contains(policy) || !Set.of("policy", "pool").containsAll(f.keySet())) {
      y.problem("placement", node, "must be {policy: cheapest|fastest|lowest_energy|pinned, pool: ID (for pinned)}");
      return PlacementSpec.DEFAULT;
    }
    if (policy.equals("pinned") != f.containsKey("pool")) {
      y.problem("placement.pool", node, "give a pool exactly when the policy is pinned");
      return PlacementSpec.DEFAULT;
    }
    return new PlacementSpec(policy, f.get("pool"));
  }

  private static List<StepSpec> steps(Node node, int topLine, List<PipelineProblem> problems) {
    if (node == null) {
      problems.add(new PipelineProblem(null, "steps", topLine, "missing: a pipeline needs at least one step"));
      return List.of();
    }
    if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problems.add(new PipelineProblem(null, "steps", YamlNodes.line(node), "must be a non-empty list of steps"));
      return List.of();
    }
    List<StepSpec> steps = new ArrayList<>();
    int index = 0;
    for (Node item : seq.getValue()) {
      index++;
      if (!(item instanceof MappingNode stepNode)) {
        problems.add(new PipelineProblem("#" + index, null, YamlNodes.line(item), "a step must be a mapping"));
        continue;
      }
      StepSpec step = StepParser.parse(stepNode, index, problems);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

}
