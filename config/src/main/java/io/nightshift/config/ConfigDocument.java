package io.nightshift.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One YAML file being read: its root {@link ConfigNode}, and the problems its nodes found. Read the values you need
 * from {@link #root()}, then {@link #check()} (or {@link #result}) throws once, listing every problem.
 *
 * <p>The text is composed into SnakeYAML's node tree, never constructed into objects, so no tag can instantiate a
 * class and every value keeps its line.
 */
public final class ConfigDocument {
  /** Far above any hand-written file; keeps a pasted multi-megabyte blob from being parsed at all. */
  static final int MAX_CHARS = 1_000_000;
  /** Aliases are fine for sharing a block; thousands are a billion-laughs attack. */
  private static final int MAX_ALIASES = 20;

  private final String source;
  private final ConfigProblems problems = new ConfigProblems();
  private final ConfigNode root;

  private ConfigDocument(String source, Node root) {
    this.source = source;
    this.root = ConfigNode.root(root, problems);
  }

  /**
   * @param what what the file is, as its errors should name it: {@code backends file}
   * @throws ConfigException when the file cannot be read or is not YAML
   */
  public static ConfigDocument read(Path file, String what) {
    String source = what + " " + file.toAbsolutePath();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw ConfigException.unreadable(source, e);
    }
    return parse(text, source);
  }

  /**
   * @param source the file as every error names it: {@code backends file /etc/nightshift/backends.yaml}
   * @throws ConfigException when the text is too long or not YAML (empty text is a document without a root)
   */
  public static ConfigDocument parse(String text, String source) {
    if (text.length() > MAX_CHARS) {
      throw fail(source, 0, text.length() + " characters; the limit is " + MAX_CHARS);
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    try {
      return new ConfigDocument(source, new Yaml(options).compose(new StringReader(text)));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      throw fail(source, mark == null ? 0 : mark.getLine() + 1, "YAML syntax error"
          + (mark == null ? "" : " (column " + (mark.getColumn() + 1) + ")") + ": " + e.getProblem());
    } catch (YAMLException e) {
      throw fail(source, 0, "YAML syntax error: " + e.getMessage());
    }
  }

  /** The top of the file; {@linkplain ConfigNode#isPresent() absent} when the file holds no YAML value. */
  public ConfigNode root() {
    return root;
  }

  public String source() {
    return source;
  }

  /** In file order (by line), whatever order the reader asked in. */
  public List<ConfigProblem> problems() {
    return problems.all().stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
  }

  /** @throws ConfigException listing every problem found so far, in file order, if there is one */
  public void check() {
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems());
    }
  }

  /** {@code value}, when no problem was found: the last line of a reader. */
  public <T> T result(T value) {
    check();
    return value;
  }

  private static ConfigException fail(String source, int line, String message) {
    return new ConfigException(source, List.of(new ConfigProblem("", line, message)));
  }
}
