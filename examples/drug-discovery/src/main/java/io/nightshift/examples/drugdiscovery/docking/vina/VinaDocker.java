package io.nightshift.examples.drugdiscovery.docking.vina;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.MolfileParser;
import com.actelion.research.chem.StereoMolecule;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingUnavailable;
import io.nightshift.examples.drugdiscovery.docking.ExternalCommand;
import io.nightshift.examples.drugdiscovery.docking.ReceptorPdb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Docks molecules with AutoDock Vina, one external run per molecule: Open Babel builds a 3-D structure with
 * hydrogens from the SMILES ({@code --gen3d}, deterministic) and writes a flexible-ligand PDBQT, Vina docks it into
 * the receptor's box with a fixed seed, and the best mode is converted back to SDF. Every file goes to the
 * caller's scratch directory. A molecule that cannot be built, converted or docked is a {@link DockingFailure}
 * for that molecule only; missing programs are a {@link DockingUnavailable} for all of them.
 *
 * <p>Thread-safe: it holds no state between molecules (each run gets its own directory).
 */
public final class VinaDocker {
  private static final Duration CONVERSION_TIMEOUT = Duration.ofMinutes(2);

  private final VinaPrograms programs;
  private final Path receptor;
  private final VinaBox box;
  private final VinaSettings settings;
  private final String targetName;

  public VinaDocker(VinaPrograms programs, Path receptor, VinaBox box, VinaSettings settings, String targetName) {
    this.programs = programs;
    this.receptor = receptor;
    this.box = box;
    this.settings = settings;
    this.targetName = targetName;
  }

  /**
   * A docker for the shipped ABL1 target: the receptor PDBQT is prepared into {@code cacheRoot} once (see
   * {@link VinaReceptor}) and the shipped box is used.
   */
  public static VinaDocker abl1(VinaPrograms programs, VinaSettings settings, Path cacheRoot) throws DockingUnavailable {
    Path receptor = VinaReceptor.prepare(programs, "1iep", ReceptorPdb.abl1(), cacheRoot);
    return new VinaDocker(programs, receptor, VinaBox.abl1(), settings, "PDB 1IEP");
  }

  /** Engine, versions and search settings, for the provenance of every score. */
  public String provenance() {
    return programs.vinaVersion() + " (Vina scoring, kcal/mol), exhaustiveness " + settings.exhaustiveness()
        + ", seed " + settings.seed() + ", into " + targetName + "; 3-D ligands by " + programs.obabelVersion();
  }

  public VinaSettings settings() {
    return settings;
  }

  /**
   * Docks one molecule, working in {@code workDir} (created if needed; the caller removes it).
   *
   * @throws DockingFailure     this molecule could not be built, converted or docked (reason in the message)
   * @throws DockingUnavailable a program vanished or cannot start: no molecule would dock
   */
  public VinaPose dock(String smiles, Path workDir) throws DockingFailure, DockingUnavailable {
    long start = System.nanoTime();
    try {
      Files.createDirectories(workDir);
      Path ligand = prepareLigand(smiles, workDir);
      Path out = workDir.resolve("docked.pdbqt");
      List<String> command = new ArrayList<>(List.of(programs.vina().toString(), "--receptor", receptor.toString(),
          "--ligand", ligand.toString(), "--out", out.toString(), "--exhaustiveness",
          String.valueOf(settings.exhaustiveness()), "--cpu", String.valueOf(settings.cpu()), "--seed",
          String.valueOf(settings.seed()), "--num_modes", String.valueOf(settings.numModes()), "--verbosity", "1"));
      command.addAll(box.arguments());
      ExternalCommand.Result r = run(command, workDir, settings.timeout(), "Vina");
      if (r.exitCode() != 0 || !Files.isRegularFile(out)) {
        throw new DockingFailure("Vina failed (exit " + r.exitCode() + "): " + r.tail(), null);
      }
      List<VinaOutput.Mode> modes = VinaOutput.parseModes(Files.readString(out));
      List<Double> table = VinaOutput.parseTable(r.output());
      if (!table.isEmpty() && Math.abs(table.get(0) - modes.get(0).affinity()) > 0.01) {
        throw new DockingFailure("Vina's table (" + table.get(0) + ") and output file (" + modes.get(0).affinity()
            + ") disagree on the best affinity", null);
      }
      String sdf = bestPoseSdf(modes.get(0), workDir);
      return new VinaPose(modes.get(0).affinity(), modes.size(), sdf, molecule(sdf),
          (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      throw new DockingFailure("Vina docking I/O in " + workDir + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new DockingFailure("unreadable Vina output: " + e.getMessage(), e);
    }
  }

  private Path prepareLigand(String smiles, Path workDir) throws IOException, DockingFailure, DockingUnavailable {
    Path smi = workDir.resolve("ligand.smi");
    Files.writeString(smi, smiles.strip() + "\n", StandardCharsets.US_ASCII);
    Path pdbqt = workDir.resolve("ligand.pdbqt");
    ExternalCommand.Result r = run(List.of(programs.obabel().toString(), smi.toString(), "--gen3d", "-h",
        "-opdbqt", "-O", pdbqt.toString()), workDir, CONVERSION_TIMEOUT, "Open Babel");
    boolean hasAtoms = Files.isRegularFile(pdbqt) && Files.readAllLines(pdbqt).stream()
        .anyMatch(l -> l.startsWith("ATOM") || l.startsWith("HETATM"));
    if (r.exitCode() != 0 || !hasAtoms || r.output().contains("0 molecules converted")) {
      throw new DockingFailure("Open Babel could not build a 3-D PDBQT ligand from " + smiles + ": " + r.tail(), null);
    }
    return pdbqt;
  }

  private String bestPoseSdf(VinaOutput.Mode best, Path workDir) throws IOException, DockingFailure,
      DockingUnavailable {
    Path pose = workDir.resolve("best.pdbqt");
    Files.writeString(pose, best.pdbqt());
    Path sdf = workDir.resolve("best.sdf");
    ExternalCommand.Result r = run(List.of(programs.obabel().toString(), pose.toString(), "-osdf", "-O",
        sdf.toString()), workDir, CONVERSION_TIMEOUT, "Open Babel");
    if (r.exitCode() != 0 || !Files.isRegularFile(sdf) || Files.size(sdf) == 0) {
      throw new DockingFailure("Open Babel could not convert Vina's best pose to SDF: " + r.tail(), null);
    }
    return Files.readString(sdf);
  }

  private static StereoMolecule molecule(String sdf) throws DockingFailure {
    StereoMolecule mol = new StereoMolecule();
    if (!new MolfileParser().parse(mol, sdf)) {
      throw new DockingFailure("OpenChemLib cannot read the SDF of Vina's best pose", null);
    }
    mol.ensureHelperArrays(Molecule.cHelperCIP);
    return mol;
  }

  private static ExternalCommand.Result run(List<String> command, Path workDir, Duration timeout, String what)
      throws DockingFailure, DockingUnavailable {
    try {
      return ExternalCommand.run(command, workDir, timeout);
    } catch (ExternalCommand.TimedOut e) {
      throw new DockingFailure(e.getMessage(), e);
    } catch (IOException e) {
      throw new DockingUnavailable("cannot start " + what + " (" + command.get(0) + "): " + e.getMessage()
          + "; install Debian's autodock-vina and openbabel packages", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockingUnavailable("interrupted while running " + what, e);
    }
  }
}
