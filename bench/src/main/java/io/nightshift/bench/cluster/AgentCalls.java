package io.nightshift.bench.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's agent tasks as the scripted endpoint saw them. Each agent task's prompt carries a marker unique to the
 * task, and its scripted answer ends the agent in one model call, so every chat request beyond the first with the
 * same marker is a model call run again (a retried activity after a kill).
 */
final class AgentCalls {
  private static final Pattern MARKER = Pattern.compile("\\(soak request (\\d+)\\)");

  private AgentCalls() {}

  /** The marker to put in the prompt of the soak's {@code n}-th task. */
  static String marker(int n) {
    return "(soak request " + n + ")";
  }

  /** Chat requests beyond one per marker, over the request bodies given; bodies with no marker are not counted. */
  static int reExecutions(List<String> requestBodies) {
    List<String> markers = new ArrayList<>();
    for (String body : requestBodies) {
      Matcher m = MARKER.matcher(body);
      if (m.find()) {
        markers.add(m.group(1));
      }
    }
    return markers.size() - new HashSet<>(markers).size();
  }
}
