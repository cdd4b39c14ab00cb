package io.nightshift.planners.declarative;

import io.nightshift.core.pipeline.PipelineProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads values out of SnakeYAML nodes for one step (or the pipeline), recording a {@link PipelineProblem} with
 * step, field and line for everything of the wrong shape instead of throwing at the first.
 */
final class YamlNodes {
  private final String step;
  private final List<PipelineProblem> problems;

  YamlNodes(String step, List<PipelineProblem> problems) {
    this.step = step;
    this.problems = problems;
  }

  void problem(String field, Node node, String message) {
    problems.add(new PipelineProblem(step, field, line(node), message));
  }

  Map<String, Node> fields(MappingNode node, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
      if (key == null || !allowed.contains(key)) {
        problem(key, t.getKeyNode(), "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
        continue;
      }
      out.put(key, t.getValueNode());
    }
    return out;
  }

  String scalar(Node node, String field) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return s.getTag().getValue().endsWith(":null") ? null : s.getValue();
    }
    problem(field, node, "must be a single value");
    return null;
  }

  int integer(Node node, String field, int min, int max, int fallback) {
    String v = scalar(node, field);
    if (v == null) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(field, node, "must be a whole number from " + min + " to " + max + ", was '" + v + "'");
    return fallback;
  }

  double decimal(Node node, String field, double min, double max, double fallback) {
    String v = scalar(node, field);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(field, node, "must be a number from " + min + " to " + max + ", was '" + v + "'");
    return fallback;
  }

  boolean bool(Node node, String field) {
    String v = scalar(node, field);
    if (v == null) {
      return false;
    }
    if (!v.equals("true") && !v.equals("false")) {
      problem(field, node, "must be true or false, was '" + v + "'");
    }
    return v.equals("true");
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 7d}, in milliseconds; 0 if absent. */
  long duration(Node node, String field) {
    String v = scalar(node, field);
    if (v == null) {
      return 0;
    }
    long millis = Durations.parseMillis(v);
    if (millis <= 0) {
      problem(field, node, "must be a positive duration such as 30s, 10m, 2h or 7d, was '" + v + "'");
    }
    return Math.max(millis, 0);
  }

  Map<String, String> stringMap(Node node, String field, boolean nullsAllowed) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof MappingNode map)) {
      problem(field, node, "must be a mapping of name: value");
      return out;
    }
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode(), field);
      String value = scalar(t.getValueNode(), field + "." + key);
      if (key == null) {
        continue;
      }
      if (value == null && !nullsAllowed) {
        problem(field + "." + key, t.getValueNode(), "must have a value");
        continue;
      }
      out.put(key, value);
    }
    return out;
  }

  List<String> stringList(Node node, String field) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof ScalarNode) {
      String v = scalar(node, field);
      return v == null ? List.of() : List.of(v);
    }
    if (!(node instanceof SequenceNode seq)) {
      problem(field, node, "must be a list");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      String v = scalar(item, field);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  static int line(Node node) {
    return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
