package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${steps.NAME.output}} in a parameter with the artifact URI of that step's output. */
final class StepReferences {
  static Map<String, String> resolveAll(Map<String, String> params, Map<String, ArtifactRef> outputs) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, resolve(v, outputs)));
    return out;
  }

  private static final Pattern STEP = Pattern.compile("\\$\\{\\s*steps\\.([A-Za-z][A-Za-z0-9_-]*)\\.output\\s*}");

  private StepReferences() {}

  static String resolve(String value, Map<String, ArtifactRef> outputs) {
    Matcher m = STEP.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      ArtifactRef ref = outputs.get(m.group(1));
      if (ref == null) {
        // the planner adds every referenced step to 'needs', so this means a plan built without it
        throw new IllegalStateException("step output '" + m.group(1) + "' is not available yet");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(ref.uri()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
