package io.nightshift.runtime.config;

import io.nightshift.core.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's directories, made at start and only its own user's ({@code rwx------}): the data directory holds
 * the Temporal database (every task's history), artifacts (inputs, outputs, agents' conversations), logs and the
 * users' input files, none of which other accounts on the machine may read. A data directory that already exists
 * with wider access (made by an older version, or under a umask of 022) is tightened, with a warning that says
 * what it was; below it nothing else need change, since nobody else can enter it, except the key file's directory:
 * it holds the keys to every history and artifact, so it stays owner-only on its own should the data directory ever
 * be opened up (a copy, or a backup restored with other modes).
 */
public final class DataDirectories {
  private static final Logger log = LoggerFactory.getLogger(DataDirectories.class);

  private DataDirectories() {}

  /**
   * Creates (or tightens) the data directory, then its artifacts, scratch, logs, inputs and memory directories, and the key
   * file's directory when it lies inside the data directory (one the operator put elsewhere is theirs to keep).
   */
  public static void prepare(RuntimeConfig config) throws IOException {
    Path data = config.dataDir();
    if (Files.isDirectory(data)) {
      OwnerOnly.tighten(data).ifPresent(was -> log.warn("data directory {} was {}: made rwx------, since it holds"
          + " task histories, artifacts and logs that only this user may read", data, was));
    }
    for (Path dir : List.of(data, config.artifactsDir(), config.scratchDir(), config.logsDir(), config.inputsDir(),
        config.memoryDir())) {
      OwnerOnly.createDirectories(dir);
    }
    Path keys = config.payloadKeysFile().getParent();
    if (keys.startsWith(data)) { // both absolute and normalized by RuntimeConfig
      OwnerOnly.createDirectories(keys);
      OwnerOnly.tighten(keys).ifPresent(was -> log.warn("key directory {} was {}: made rwx------, since it holds the"
          + " keys to every task history and artifact", keys, was));
    }
  }
}
