package io.nightshift.examples.drugdiscovery.docking.vina;

import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import io.nightshift.examples.drugdiscovery.docking.DockingUnavailable;
import io.nightshift.examples.drugdiscovery.docking.ExternalCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The two programs Vina docking needs, found and asked for their versions once: AutoDock Vina itself and Open
 * Babel, which builds 3-D ligands from SMILES and writes PDBQT.
 *
 * @param vina          the {@code vina} executable
 * @param obabel        the {@code obabel} executable
 * @param vinaVersion   e.g. {@code AutoDock Vina v1.2.3}, from {@code vina --version}
 * @param obabelVersion e.g. {@code Open Babel 3.1.1}, from {@code obabel -V}
 */
public record VinaPrograms(Path vina, Path obabel, String vinaVersion, String obabelVersion) {
  private static final String INSTALL = "install Debian's autodock-vina and openbabel packages"
      + " (apt-get install autodock-vina openbabel) or point the workers' " + DockingConfig.VINA_VARIABLE + " / "
      + DockingConfig.OBABEL_VARIABLE + " at the programs";

  /**
   * Finds both programs (names are looked up on {@code PATH}, paths are used as given) and reads their versions.
   *
   * @throws DockingUnavailable naming the missing program and what to install
   */
  public static VinaPrograms locate(String vinaName, String obabelName, Path scratch) throws DockingUnavailable {
    Path vina = ExternalCommand.locate(vinaName).orElseThrow(() -> new DockingUnavailable(
        "AutoDock Vina ('" + vinaName + "') is not installed or not executable: " + INSTALL));
    Path obabel = ExternalCommand.locate(obabelName).orElseThrow(() -> new DockingUnavailable(
        "Open Babel ('" + obabelName + "') is not installed or not executable: " + INSTALL));
    return new VinaPrograms(vina, obabel, version(vina, "--version", scratch), version(obabel, "-V", scratch));
  }

  /** {@code "AutoDock Vina v1.2.3"} and {@code "Open Babel 3.1.1 -- Jan  4 2023 -- 09:58:24"} to their names. */
  static String firstLineVersion(String output) {
    String line = output.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    int build = line.indexOf(" -- ");
    return build > 0 ? line.substring(0, build).strip() : line;
  }

  private static String version(Path program, String flag, Path scratch) throws DockingUnavailable {
    try {
      ExternalCommand.Result r = ExternalCommand.run(List.of(program.toString(), flag), scratch, Duration.ofSeconds(30));
      String version = firstLineVersion(r.output());
      if (version.isEmpty()) {
        throw new DockingUnavailable(program + " " + flag + " printed nothing (exit " + r.exitCode() + "): " + INSTALL);
      }
      return version;
    } catch (IOException | ExternalCommand.TimedOut e) {
      throw new DockingUnavailable("cannot run " + program + " " + flag + ": " + e.getMessage() + "; " + INSTALL, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockingUnavailable("interrupted while asking " + program + " for its version", e);
    }
  }
}
