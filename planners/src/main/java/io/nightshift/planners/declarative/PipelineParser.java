package io.nightshift.planners.declarative;

import io.nightshift.core.error.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepSpec;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
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
  private static final Set<String> TOP_KEYS = Set.of("name", "description", "params", "steps");
  private static final Set<String> STEP_KEYS = Set.of("name", "kind", "tool", "params", "needs");
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
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, line(root),
          "a pipeline must be a YAML mapping with 'name' and 'steps'")));
    }
    Map<String, Node> fields = fields(top, null, TOP_KEYS, problems);
    String name = scalar(fields.get("name"), null, "name", problems);
    if (name == null) {
      problems.add(new PipelineProblem(null, "name", line(top), "missing: every pipeline needs a name"));
    }
    String description = scalar(fields.get("description"), null, "description", problems);
    Map<String, String> params = stringMap(fields.get("params"), null, "params", problems, true);
    List<StepSpec> steps = steps(fields.get("steps"), line(top), problems);
    if (!problems.isEmpty()) {
      throw new InvalidPipelineException(problems);
    }
    return new PipelineSpec(name, description, params, steps);
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

  private static List<StepSpec> steps(Node node, int topLine, List<PipelineProblem> problems) {
    if (node == null) {
      problems.add(new PipelineProblem(null, "steps", topLine, "missing: a pipeline needs at least one step"));
      return List.of();
    }
    if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problems.add(new PipelineProblem(null, "steps", line(node), "must be a non-empty list of steps"));
      return List.of();
    }
    List<StepSpec> steps = new ArrayList<>();
    int index = 0;
    for (Node item : seq.getValue()) {
      index++;
      if (!(item instanceof MappingNode stepNode)) {
        problems.add(new PipelineProblem("#" + index, null, line(item), "a step must be a mapping"));
        continue;
      }
      Map<String, Node> f = fields(stepNode, "#" + index, STEP_KEYS, problems);
      String name = scalar(f.get("name"), "#" + index, "name", problems);
      if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
        problems.add(new PipelineProblem("#" + index, "name", line(stepNode),
            "every step needs a name of letters, digits, '_' or '-' (starting with a letter), was " + name));
        continue;
      }
      String kindText = scalar(f.get("kind"), name, "kind", problems);
      StepKind kind = StepKind.TOOL;
      if (kindText != null) {
        kind = StepKind.fromWireName(kindText).orElse(null);
        if (kind == null) {
          problems.add(new PipelineProblem(name, "kind", line(f.get("kind")),
              "unknown step kind '" + kindText + "'; known: " + knownKinds()));
          continue;
        }
      }
      String tool = scalar(f.get("tool"), name, "tool", problems);
      Map<String, String> params = stringMap(f.get("params"), name, "params", problems, false);
      List<String> needs = stringList(f.get("needs"), name, "needs", problems);
      steps.add(new StepSpec(name, kind, tool, params, needs, line(stepNode)));
    }
    return steps;
  }

  private static Map<String, Node> fields(MappingNode node, String step, Set<String> allowed,
      List<PipelineProblem> problems) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
      if (key == null || !allowed.contains(key)) {
        problems.add(new PipelineProblem(step, key, line(t.getKeyNode()),
            "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList())));
        continue;
      }
      out.put(key, t.getValueNode());
    }
    return out;
  }

  private static String scalar(Node node, String step, String field, List<PipelineProblem> problems) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return "null".equals(s.getTag().getValue().replace("tag:yaml.org,2002:", "")) ? null : s.getValue();
    }
    problems.add(new PipelineProblem(step, field, line(node), "must be a single value"));
    return null;
  }

  private static Map<String, String> stringMap(Node node, String step, String field,
      List<PipelineProblem> problems, boolean nullsAllowed) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof MappingNode map)) {
      problems.add(new PipelineProblem(step, field, line(node), "must be a mapping of name: value"));
      return out;
    }
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode(), step, field, problems);
      String value = scalar(t.getValueNode(), step, field + "." + key, problems);
      if (key == null) {
        continue;
      }
      if (value == null && !nullsAllowed) {
        problems.add(new PipelineProblem(step, field + "." + key, line(t.getValueNode()), "must have a value"));
        continue;
      }
      out.put(key, value);
    }
    return out;
  }

  private static List<String> stringList(Node node, String step, String field, List<PipelineProblem> problems) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof ScalarNode) {
      String v = scalar(node, step, field, problems);
      return v == null ? List.of() : List.of(v);
    }
    if (!(node instanceof SequenceNode seq)) {
      problems.add(new PipelineProblem(step, field, line(node), "must be a list of step names"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      String v = scalar(item, step, field, problems);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  private static String knownKinds() {
    return String.join(", ", java.util.Arrays.stream(StepKind.values()).map(StepKind::wireName).toList());
  }

  private static int line(Node node) {
    return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
