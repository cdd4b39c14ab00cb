package io.nightshift.examples.drugdiscovery.validation;

import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.MatchingProperties;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped retrospective-validation data: known ABL1 ATP-site inhibitors ({@code validation/abl1_actives.csv})
 * and the library decoys are drawn from (the first 5,000 NCI open compounds, {@code validation/nci_first_5k.smi},
 * from RDKit's data). Sources and licences are in {@code validation/ATTRIBUTION.md}.
 */
public final class ValidationLibrary {
  static final String ACTIVES = "/io/nightshift/examples/drugdiscovery/validation/abl1_actives.csv";
  static final String DECOYS = "/io/nightshift/examples/drugdiscovery/validation/nci_first_5k.smi";

  /** The library molecules inside a molecular-weight range, and what was left out. */
  public record Library(List<Ligand> ligands, int lines, int invalid, int outsideRange) {}

  /**
   * Libraries already read, by weight range: reading one parses 5,000 SMILES and fingerprints about 1,300 molecules
   * (5 s on an idle core, minutes on a loaded one), and a retried or repeated step asks for the same range.
   */
  private static final Map<String, Library> READ = new ConcurrentHashMap<>();

  private ValidationLibrary() {}

  /** Every shipped active, in file order; a shipped active that does not parse is a build error, not a skip. */
  public static List<Ligand> actives() {
    List<Ligand> actives = new ArrayList<>();
    for (Candidate row : MoleculeSetCsv.read(resource(ACTIVES)).candidates()) {
      try {
        String source = row.property("status").orElse("") + "; " + row.property("reference").orElse("");
        actives.add(Ligand.of(row.id(), row.name(), MoleculeParser.parse(row.smiles()), source));
      } catch (InvalidMoleculeException e) {
        throw new IllegalStateException("the shipped active " + row.id() + " is invalid: " + e.getMessage(), e);
      }
    }
    return actives;
  }

  /**
   * The decoy library's molecules with a molecular weight in [minMw, maxMw], ids {@code NCI-<number>}. Weight is
   * checked first because it is cheap: the other properties and the fingerprint cost milliseconds a molecule.
   * Entries CDK cannot read (metal complexes, impossible valences) are counted and skipped: it is third-party data.
   */
  public static Library decoyLibrary(double minMw, double maxMw) {
    return READ.computeIfAbsent(minMw + "-" + maxMw, range -> read(minMw, maxMw));
  }

  private static Library read(double minMw, double maxMw) {
    List<Ligand> ligands = new ArrayList<>();
    int lines = 0, invalid = 0, outside = 0;
    for (String line : new String(resource(DECOYS), StandardCharsets.UTF_8).split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length < 2) {
        continue;
      }
      lines++;
      Molecule molecule;
      try {
        molecule = MoleculeParser.parse(fields[0]);
      } catch (InvalidMoleculeException | RuntimeException e) {
        invalid++;
        continue;
      }
      double mw = MatchingProperties.molecularWeight(molecule);
      if (mw < minMw || mw > maxMw) {
        outside++;
        continue;
      }
      ligands.add(Ligand.of("NCI-" + fields[1], "NCI " + fields[1], molecule, "NCI open compound " + fields[1]));
    }
    return new Library(List.copyOf(ligands), lines, invalid, outside);
  }

  private static byte[] resource(String path) {
    try (InputStream in = ValidationLibrary.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }
}
