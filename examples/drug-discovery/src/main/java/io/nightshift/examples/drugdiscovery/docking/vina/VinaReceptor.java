package io.nightshift.examples.drugdiscovery.docking.vina;

import io.nightshift.examples.drugdiscovery.docking.DockingUnavailable;
import io.nightshift.examples.drugdiscovery.docking.ExternalCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Prepares a receptor as a rigid Vina PDBQT once and keeps it: Open Babel adds hydrogens to the heavy-atom PDB
 * ({@code -h}), keeps the polar ones and assigns Gasteiger charges and AutoDock atom types ({@code -xr}: rigid, no
 * torsion tree). The file lives under {@code <cache>/vina-receptors/<name>-<digest>/receptor.pdbqt}, where the
 * digest covers the PDB text and the Open Babel version, so a changed structure or converter gets a fresh file and
 * an unchanged one is never converted twice; it is written to a temporary file and moved into place atomically, so
 * concurrent workers and a crash half-way leave either no file or a complete one.
 */
public final class VinaReceptor {
  private static final Object LOCK = new Object();

  private VinaReceptor() {}

  /** The cache root when none is given: {@code <nightshift data dir>/docking} (see {@link #defaultDataDir()}). */
  public static Path defaultCacheDir() {
    return defaultDataDir().resolve("docking");
  }

  /**
   * Nightshift's data directory, resolved as the runtime resolves it: system property {@code nightshift.dataDir},
   * else environment variable {@code NIGHTSHIFT_DATA_DIR}, else {@code ~/.cache/nightshift}.
   */
  static Path defaultDataDir() {
    String configured = System.getProperty("nightshift.dataDir", System.getenv("NIGHTSHIFT_DATA_DIR"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "nightshift");
  }

  /**
   * The receptor's PDBQT, converted now if the cache has none for this structure and Open Babel version.
   *
   * @param name a short file-system-safe name for the target, e.g. {@code 1iep}
   * @param pdb  the receptor as PDB text (heavy atoms are enough)
   * @throws DockingUnavailable when Open Babel fails or writes no atoms: no molecule could be docked
   */
  public static Path prepare(VinaPrograms programs, String name, String pdb, Path cacheRoot) throws DockingUnavailable {
    Path dir = cacheRoot.resolve("vina-receptors").resolve(name + "-" + digest(pdb, programs.obabelVersion()));
    Path receptor = dir.resolve("receptor.pdbqt");
    synchronized (LOCK) {
      if (Files.isRegularFile(receptor)) {
        return receptor;
      }
      try {
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, "prepare-");
        try {
          Path input = work.resolve("receptor.pdb");
          Files.writeString(input, pdb, StandardCharsets.US_ASCII);
          Path output = work.resolve("receptor.pdbqt");
          ExternalCommand.Result r = ExternalCommand.run(List.of(programs.obabel().toString(), input.toString(),
              "-h", "-xr", "-opdbqt", "-O", output.toString()), work, Duration.ofMinutes(5));
          long atoms = Files.isRegularFile(output)
              ? Files.readAllLines(output).stream().filter(l -> l.startsWith("ATOM") || l.startsWith("HETATM")).count()
              : 0;
          if (r.exitCode() != 0 || atoms == 0) {
            throw new DockingUnavailable("preparing the " + name + " receptor PDBQT with " + programs.obabelVersion()
                + " failed (exit " + r.exitCode() + ", " + atoms + " atoms written): " + r.tail()
                + "; check the openbabel installation");
          }
          moveIntoPlace(output, receptor);
        } finally {
          deleteTree(work);
        }
        return receptor;
      } catch (IOException | ExternalCommand.TimedOut e) {
        throw new DockingUnavailable("preparing the " + name + " receptor PDBQT under " + dir + " failed: "
            + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DockingUnavailable("interrupted while preparing the " + name + " receptor", e);
      }
    }
  }

  private static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another process finished first with the same content
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static String digest(String pdb, String obabelVersion) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(pdb.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(obabelVersion.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
