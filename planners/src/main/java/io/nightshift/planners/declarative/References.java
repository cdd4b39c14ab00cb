package io.nightshift.planners.declarative;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${steps.NAME.output}} and {@code ${params.NAME}} references inside step parameters. Kept in one
 * place so the validator, the planner and the workflow agree on the syntax.
 */
public final class References {
  private static final Pattern ANY = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern STEP = Pattern.compile("steps\\.([A-Za-z][A-Za-z0-9_-]*)\\.output");
  private static final Pattern PARAM = Pattern.compile("params\\.([A-Za-z_][A-Za-z0-9_.-]*)");

  private References() {}

  /** A reference found in a value: its kind ({@code steps} or {@code params}), target name, or a syntax error. */
  public record Ref(String kind, String target, String text, String error) {}

  public static List<Ref> find(String value) {
    List<Ref> refs = new ArrayList<>();
    Matcher m = ANY.matcher(value);
    while (m.find()) {
      String body = m.group(1).trim();
      Matcher s = STEP.matcher(body);
      Matcher p = PARAM.matcher(body);
      if (s.matches()) {
        refs.add(new Ref("steps", s.group(1), m.group(), null));
      } else if (p.matches()) {
        refs.add(new Ref("params", p.group(1), m.group(), null));
      } else {
        refs.add(new Ref(null, null, m.group(),
            "malformed reference " + m.group() + "; use ${steps.NAME.output} or ${params.NAME}"));
      }
    }
    return refs;
  }

  /** Replaces every {@code ${params.X}} with its value; leaves other references alone. */
  public static String substituteParams(String value, Map<String, String> params) {
    return replace(value, PARAM, params::get);
  }

  /** Replaces every {@code ${steps.X.output}} with what {@code outputs} gives for X (an artifact URI). */
  public static String substituteSteps(String value, Function<String, String> outputs) {
    return replace(value, STEP, outputs);
  }

  private static String replace(String value, Pattern inner, Function<String, String> lookup) {
    Matcher m = ANY.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher im = inner.matcher(m.group(1).trim());
      String replacement = im.matches() ? lookup.apply(im.group(1)) : null;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
