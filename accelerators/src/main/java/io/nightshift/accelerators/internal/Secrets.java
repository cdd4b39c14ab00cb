package io.nightshift.accelerators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hides secret values in a command line before it reaches a log line or an error message. A word {@code NAME=value}
 * whose name looks secret ({@code NGC_API_KEY=...}, {@code --hf-token=...}) keeps its name and loses its value, and
 * so does the word after a flag such as {@code --api-key}. Launch templates pass secrets by name only
 * ({@code -e NGC_API_KEY}, which docker fills from its own environment), so this guards what operators add.
 */
public final class Secrets {
  public static final String MASK = "****";
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(key|token|secret|password|passwd|credential).*");

  private Secrets() {}

  public static List<String> mask(List<String> command) {
    List<String> out = new ArrayList<>(command.size());
    boolean valueOfSecretFlag = false;
    for (String word : command) {
      int eq = word.indexOf('=');
      if (valueOfSecretFlag) {
        out.add(MASK);
        valueOfSecretFlag = false;
      } else if (eq > 0 && SECRET_NAME.matcher(word.substring(0, eq)).matches()) {
        out.add(word.substring(0, eq + 1) + MASK);
      } else {
        out.add(word);
        valueOfSecretFlag = word.startsWith("--") && eq < 0 && SECRET_NAME.matcher(word).matches();
      }
    }
    return out;
  }

  /** The masked command as one line, for messages. */
  public static String shown(List<String> command) {
    return String.join(" ", mask(command));
  }
}
