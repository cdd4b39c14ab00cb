package io.nightshift.examples.drugdiscovery.docking.vina;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.MolfileCreator;
import com.actelion.research.chem.MolfileParser;
import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingUnavailable;
import io.nightshift.examples.drugdiscovery.docking.ExternalCommand;
import io.nightshift.examples.drugdiscovery.docking.ExternalCommand.Launcher;
import io.nightshift.examples.drugdiscovery.docking.OpenChemLibTables;
import io.nightshift.examples.drugdiscovery.docking.ReceptorPdb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.openmolecules.chem.conf.gen.ConformerGenerator;

/**
 * Docks molecules with AutoDock Vina, one external run per molecule: OpenChemLib builds a 3-D structure with
 * hydrogens from the SMILES (fixed seed), Open Babel writes it as a flexible-ligand PDBQT, Vina docks it into
 * the receptor's box with a fixed seed, and the best mode is converted back to SDF. Every file goes to the
 * caller's scratch directory. A molecule that cannot be built, converted or docked is a {@link DockingFailure}
 * for that molecule only; missing programs are a {@link DockingUnavailable} for all of them.
 *
 * <p>Thread-safe: it holds no state between molecules (each run gets its own directory).
 */
public final class VinaDocker {
  private static final Duration CONVERSION_TIMEOUT = Duration.ofMinutes(2);
  private static final long CONFORMER_SEED = 1;
  private static final String OCL_VERSION = Objects.requireNonNullElse(
      ConformerGenerator.class.getPackage().getImplementationVersion(), "(unknown version)");

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
        + ", seed " + settings.seed() + ", into " + targetName + "; ligands: OpenChemLib " + OCL_VERSION
        + " conformer, PDBQT by " + programs.obabelVersion();
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
    return dock(smiles, workDir, progress -> { });
  }

  /** As {@link #dock(String, Path)}, telling {@code progress} every 10 s while Vina runs (for heartbeats). */
  public VinaPose dock(String smiles, Path workDir, Consumer<String> progress) throws DockingFailure,
      DockingUnavailable {
    return dock(smiles, workDir, progress, Launcher.plain());
  }

  /**
   * As {@link #dock(String, Path, Consumer)}, every program started by {@code launcher}: on a step's leased CPU
   * cores, Vina and Open Babel run on those cores only.
   */
  public VinaPose dock(String smiles, Path workDir, Consumer<String> progress, Launcher launcher)
      throws DockingFailure, DockingUnavailable {
    long start = System.nanoTime();
    try {
      Files.createDirectories(workDir);
      Path ligand = prepareLigand(smiles, workDir, launcher);
      Path out = workDir.resolve("docked.pdbqt");
      List<String> command = new ArrayList<>(List.of(programs.vina().toString(), "--receptor", receptor.toString(),
          "--ligand", ligand.toString(), "--out", out.toString(), "--exhaustiveness",
          String.valueOf(settings.exhaustiveness()), "--cpu", String.valueOf(settings.cpu()), "--seed",
          String.valueOf(settings.seed()), "--num_modes", String.valueOf(settings.numModes()), "--verbosity", "1"));
      command.addAll(box.arguments());
      ExternalCommand.Result r = run(launcher, command, workDir, settings.timeout(), "Vina",
          elapsed -> progress.accept("Vina docking " + smiles + ": " + elapsed.toSeconds() + " s"));
      if (r.exitCode() != 0 || !Files.isRegularFile(out)) {
        throw new DockingFailure("Vina failed (exit " + r.exitCode() + "): " + r.tail(), null);
      }
      List<VinaOutput.Mode> modes = VinaOutput.parseModes(Files.readString(out));
      List<Double> table = VinaOutput.parseTable(r.output());
      if (!table.isEmpty() && Math.abs(table.get(0) - modes.get(0).affinity()) > 0.01) {
        throw new DockingFailure("Vina's table (" + table.get(0) + ") and output file (" + modes.get(0).affinity()
            + ") disagree on the best affinity", null);
      }
      String sdf = bestPoseSdf(modes.get(0), workDir, launcher);
      return new VinaPose(modes.get(0).affinity(), modes.size(), sdf, molecule(sdf),
          (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      throw new DockingFailure("Vina docking I/O in " + workDir + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new DockingFailure("unreadable Vina output: " + e.getMessage(), e);
    }
  }

  /**
   * Vina's local optimum near a given pose ({@code --local_only}: no global search), e.g. to ask how Vina scores a
   * reference pose. The pose is converted to a PDBQT ligand as given, with its coordinates.
   */
  public VinaPose localOptimum(String poseSdf, Path workDir) throws DockingFailure, DockingUnavailable {
    long start = System.nanoTime();
    try {
      Files.createDirectories(workDir);
      Path sdf = workDir.resolve("reference.sdf");
      Files.writeString(sdf, poseSdf);
      Path ligand = workDir.resolve("reference.pdbqt");
      ExternalCommand.Result converted = run(List.of(programs.obabel().toString(), sdf.toString(), "-opdbqt", "-O",
          ligand.toString()), workDir, CONVERSION_TIMEOUT, "Open Babel");
      if (converted.exitCode() != 0 || !Files.isRegularFile(ligand) || Files.size(ligand) == 0) {
        throw new DockingFailure("Open Babel could not convert the reference pose: " + converted.tail(), null);
      }
      Path out = workDir.resolve("optimised.pdbqt");
      List<String> command = new ArrayList<>(List.of(programs.vina().toString(), "--receptor", receptor.toString(),
          "--ligand", ligand.toString(), "--out", out.toString(), "--local_only", "--cpu",
          String.valueOf(settings.cpu())));
      command.addAll(box.arguments());
      ExternalCommand.Result r = run(command, workDir, settings.timeout(), "Vina");
      if (r.exitCode() != 0 || !Files.isRegularFile(out)) {
        throw new DockingFailure("Vina --local_only failed (exit " + r.exitCode() + "): " + r.tail(), null);
      }
      double affinity = VinaOutput.parseEstimatedFreeEnergy(r.output());
      String optimised = Files.readString(out);
      String text = optimised.contains("MODEL") ? optimised : "MODEL 1\nREMARK VINA RESULT: " + affinity
          + " 0 0\n" + optimised + "ENDMDL\n";
      String poseOut = bestPoseSdf(VinaOutput.parseModes(text).get(0), workDir, Launcher.plain());
      return new VinaPose(affinity, 1, poseOut, molecule(poseOut), (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      throw new DockingFailure("Vina local optimisation I/O in " + workDir + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new DockingFailure("unreadable Vina output: " + e.getMessage(), e);
    }
  }

  /**
   * The ligand as a flexible PDBQT: OpenChemLib builds one 3-D conformer with hydrogens from the SMILES (fixed
   * seed, so the same molecule always starts from the same structure: Open Babel's {@code --gen3d} gives a different
   * conformer on every run, and with it a different Vina score), Open Babel assigns AutoDock types and the torsion
   * tree.
   */
  private Path prepareLigand(String smiles, Path workDir, Launcher launcher) throws IOException, DockingFailure,
      DockingUnavailable {
    Path mol = workDir.resolve("ligand.mol");
    Files.writeString(mol, conformer(smiles), StandardCharsets.US_ASCII);
    Path pdbqt = workDir.resolve("ligand.pdbqt");
    ExternalCommand.Result r = run(launcher, List.of(programs.obabel().toString(), "-imol", mol.toString(),
        "-opdbqt", "-O", pdbqt.toString()), workDir, CONVERSION_TIMEOUT, "Open Babel");
    boolean hasAtoms = Files.isRegularFile(pdbqt) && Files.readAllLines(pdbqt).stream()
        .anyMatch(l -> l.startsWith("ATOM") || l.startsWith("HETATM"));
    if (r.exitCode() != 0 || !hasAtoms || r.output().contains("0 molecules converted")) {
      throw new DockingFailure("Open Babel could not write a PDBQT ligand for " + smiles + ": " + r.tail(), null);
    }
    return pdbqt;
  }

  /** One OpenChemLib conformer with all hydrogens, as a V2000 molfile. */
  static String conformer(String smiles) throws DockingFailure {
    StereoMolecule mol = new StereoMolecule();
    try {
      new SmilesParser().parse(mol, smiles.strip());
    } catch (Exception e) {
      throw new DockingFailure("cannot build a 3-D ligand from " + smiles + ": " + e.getMessage(), e);
    }
    if (mol.getAllAtoms() == 0) {
      throw new DockingFailure("cannot build a 3-D ligand from '" + smiles + "': no atoms", null);
    }
    ConformerGenerator.addHydrogenAtoms(mol);
    OpenChemLibTables.load(); // chunks build conformers at once: complete the tables OpenChemLib fills unsafely
    // no fragment cache: OpenChemLib's default one is JVM-wide, so the conformer (and Vina's score) depended on the
    // molecules this worker had built before; bafetinib scored -9.56 and -12.45 kcal/mol in two validation runs
    StereoMolecule conformer = new ConformerGenerator(CONFORMER_SEED, null, false).getOneConformerAsMolecule(mol);
    if (conformer == null) {
      throw new DockingFailure("OpenChemLib found no 3-D conformer for " + smiles, null);
    }
    return new MolfileCreator(conformer).getMolfile();
  }

  private String bestPoseSdf(VinaOutput.Mode best, Path workDir, Launcher launcher) throws IOException,
      DockingFailure, DockingUnavailable {
    Path pose = workDir.resolve("best.pdbqt");
    Files.writeString(pose, best.pdbqt());
    Path sdf = workDir.resolve("best.sdf");
    ExternalCommand.Result r = run(launcher, List.of(programs.obabel().toString(), pose.toString(), "-osdf", "-O",
        sdf.toString()), workDir, CONVERSION_TIMEOUT, "Open Babel");
    if (r.exitCode() != 0 || !Files.isRegularFile(sdf) || Files.size(sdf) == 0) {
      throw new DockingFailure("Open Babel could not convert Vina's best pose to SDF: " + r.tail(), null);
    }
    return withFixedHeader(Files.readString(sdf));
  }

  /**
   * Open Babel stamps the date and time into each SDF record's second line; a fixed line keeps equal poses
   * byte-equal, so their artifacts (and a retried chunk's table) have equal digests.
   */
  static String withFixedHeader(String sdf) {
    List<String> lines = new ArrayList<>(sdf.lines().toList());
    if (lines.size() > 1) {
      lines.set(1, "  Vina pose, SDF by Open Babel");
    }
    return String.join("\n", lines) + "\n";
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
    return run(Launcher.plain(), command, workDir, timeout, what, elapsed -> { });
  }

  private static ExternalCommand.Result run(Launcher launcher, List<String> command, Path workDir, Duration timeout,
      String what) throws DockingFailure, DockingUnavailable {
    return run(launcher, command, workDir, timeout, what, elapsed -> { });
  }

  private static ExternalCommand.Result run(Launcher launcher, List<String> command, Path workDir, Duration timeout,
      String what, Consumer<Duration> progress) throws DockingFailure, DockingUnavailable {
    try {
      return ExternalCommand.run(launcher, command, workDir, timeout, progress);
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
