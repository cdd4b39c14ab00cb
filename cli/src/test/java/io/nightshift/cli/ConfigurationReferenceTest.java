package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked-in {@code docs/configuration.md} is what the CLI's declarations generate today. */
class ConfigurationReferenceTest {
  private static final Path CHECKED_IN = Path.of("..").resolve(ConfigurationReference.FILE);

  @Test
  void shouldMatchTheCheckedInReference() throws Exception {
    String generated = ConfigurationReference.markdown();
    if (Boolean.getBoolean("nightshift.regenerate")) {
      Files.writeString(CHECKED_IN, generated);
    }
    String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN) : "";
    if (!checkedIn.equals(generated)) {
      fail(ConfigurationReference.FILE + " is out of date; run `" + ConfigurationReference.REGENERATE
          + "` and commit it. First difference:\n" + firstDifference(checkedIn, generated));
    }
  }

  @Test
  void shouldNameEveryRuntimeFlagWithItsVariablesAndDefault() {
    String reference = ConfigurationReference.markdown();

    assertThat(reference)
        .contains("| `--ui-port` N | `NIGHTSHIFT_UI_PORT` | `8080` |")
        .contains("| `NIGHTSHIFT_DATA_DIR` | `~/.nightshift` |")
        .contains("| `NIGHTSHIFT_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_ENDPOINT` | off")
        .contains("| `--tools-dir` PATH | `NIGHTSHIFT_TOOLS_DIR` | &lt;data-dir&gt;/tools | cache of provisioned tools |")
        .contains("| `pools[].serve[].keep_warm_seconds` |")
        .contains("| `--insecure-no-auth` |  | off |")
        .contains("AUTO, DEV, IN_MEMORY")
        .contains("| `--api` VALUE | `NIGHTSHIFT_API` | `127.0.0.1:7070` |")
        .doesNotContain("--limit")
        .doesNotContain("${");
  }

  private static String firstDifference(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String left = i < a.size() ? a.get(i) : "(end of file)";
      String right = i < b.size() ? b.get(i) : "(end of file)";
      if (!left.equals(right)) {
        return "line " + (i + 1) + "\n  checked in: " + left + "\n  generated:  " + right;
      }
    }
    return "(line endings)";
  }
}
