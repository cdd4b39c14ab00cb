package io.nightshift.api;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What a pipeline says about each of its parameters: the comment after it on its line ({@code max_mw: "500"  #
 * Lipinski: molecular weight <= 500 Da}), which is how the shipped pipelines document them. The pipeline parser
 * drops comments, so they are read here from SnakeYAML's node tree with comments kept.
 */
final class ParameterComments {
  /** A description is for a form's hint, not a manual: longer comments are cut. */
  static final int MAX_CHARS = 300;

  private ParameterComments() {}

  /** Each parameter under the top-level {@code params:} that has a comment on its line; empty for YAML it cannot read. */
  static Map<String, String> of(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (RuntimeException e) {
      // the pipeline parser reports what is wrong with it; a listing without descriptions is still right
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (root instanceof MappingNode top) {
      for (NodeTuple entry : top.getValue()) {
        if (entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals("params")
            && entry.getValueNode() instanceof MappingNode params) {
          for (NodeTuple param : params.getValue()) {
            if (param.getKeyNode() instanceof ScalarNode name) {
              String text = comment(param.getKeyNode(), param.getValueNode());
              if (!text.isEmpty()) {
                out.put(name.getValue(), text);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** The in-line comment, which SnakeYAML hangs on the value (or on the key where the value is empty). */
  private static String comment(Node key, Node value) {
    String text = Stream.of(value.getInLineComments(), key.getInLineComments())
        .filter(lines -> lines != null && !lines.isEmpty())
        .findFirst()
        .map(ParameterComments::joined)
        .orElse("");
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS - 1) + "…" : text;
  }

  private static String joined(List<CommentLine> lines) {
    return lines.stream().map(CommentLine::getValue).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.joining(" "));
  }
}
