package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

/** README.md's table of the runtime commands' flags names each of them, and none that does not exist. */
class ReadmeConfigurationTableTest {
  private static final String TABLE_INTRO = "Flags of `dev`, `demo`, `worker`, `api`, `temporal`";
  private static final Pattern FLAG = Pattern.compile("`(--[a-z0-9-]+)");

  @Test
  void shouldListEveryRuntimeFlagAndNoOther() throws Exception {
    Set<String> declared = new TreeSet<>();
    new FlagModel().runtimeFlags().stream().map(OptionSpec::names).flatMap(Arrays::stream).forEach(declared::add);
    Set<String> inReadme = flagsInTable(Files.readAllLines(Path.of("..", "README.md")));

    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(inReadme);
    Set<String> unknown = new TreeSet<>(inReadme);
    unknown.removeAll(declared);
    assertThat(missing).as("flags of the runtime commands that README.md's configuration table lacks").isEmpty();
    assertThat(unknown).as("flags README.md's configuration table names that the runtime commands lack").isEmpty();
  }

  /** The flags in the first cell of each row of the table after {@link #TABLE_INTRO}, up to its first blank line. */
  private static Set<String> flagsInTable(List<String> readme) {
    int start = readme.indexOf(readme.stream().filter(l -> l.startsWith(TABLE_INTRO)).findFirst()
        .orElseThrow(() -> new AssertionError("README.md has no line starting " + TABLE_INTRO)));
    Set<String> flags = new TreeSet<>();
    for (String line : readme.subList(start + 2, readme.size())) {
      if (line.isBlank()) {
        break;
      }
      String firstCell = line.split("\\|")[1];
      Matcher m = FLAG.matcher(firstCell);
      while (m.find()) {
        flags.add(m.group(1));
      }
    }
    assertThat(flags).as("flags in README.md's configuration table").isNotEmpty();
    return flags;
  }
}
