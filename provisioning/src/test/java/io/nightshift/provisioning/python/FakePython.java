package io.nightshift.provisioning.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for python3 that needs neither pip nor the network: {@code -m venv DIR} makes DIR/bin/python, a script
 * that appends each command line it gets to a journal and exits 0.
 */
final class FakePython {
  private final Path base;
  private final Path journal;

  FakePython(Path dir) throws IOException {
    this.journal = dir.resolve("journal.txt");
    Path venvPython = script(dir.resolve("venv-python"), "echo \"$@\" >> " + journal + "\nexit 0\n");
    this.base = script(dir.resolve("python3"), """
        if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
          mkdir -p "$3/bin" && cp TEMPLATE "$3/bin/python" && echo "venv $3" >> JOURNAL
          exit 0
        fi
        exit 2
        """.replace("TEMPLATE", venvPython.toString()).replace("JOURNAL", journal.toString()));
  }

  String command() {
    return base.toString();
  }

  List<String> journal() throws IOException {
    return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
  }

  static Path script(Path path, String body) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }
}
