package io.nightshift.examples.drugdiscovery.chem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Pan-assay interference (PAINS) alerts: the 480 substructure filters of Baell and Holloway (J. Med. Chem. 53
 * (2010) 2719) in the SMARTS form RDKit ships ({@code wehi_pains.csv}, see the ATTRIBUTION file beside it).
 * CDK has no PAINS catalogue, so its SMARTS matcher runs them. The patterns spell hydrogens out as
 * {@code [#1]} atoms, so molecules are matched with explicit hydrogens.
 */
public final class PainsFilter {
  /** One PAINS filter: its family name as in the paper (e.g. {@code ene_rhod_A(235)}) and pattern. */
  record Alert(String name, SmartsPattern pattern) {}

  private static final Pattern LINE = Pattern.compile("^\"(.*)\",\"<regId=(.*)>\"$");
  private static final List<Alert> ALERTS = load();

  private PainsFilter() {}

  /** Names of the PAINS filters the molecule matches, in catalogue order; empty when it is clean. */
  public static List<String> matches(Molecule molecule) {
    IAtomContainer withHydrogens = CrippenLogP.cloneOf(molecule.structure());
    AtomContainerManipulator.convertImplicitToExplicitHydrogens(withHydrogens);
    SmartsPattern.prepare(withHydrogens);
    List<String> hits = new ArrayList<>();
    for (Alert alert : ALERTS) {
      if (alert.pattern().matches(withHydrogens)) {
        hits.add(alert.name());
      }
    }
    return hits;
  }

  static int size() {
    return ALERTS.size();
  }

  private static List<Alert> load() {
    List<Alert> alerts = new ArrayList<>();
    try (InputStream in = PainsFilter.class.getResourceAsStream("wehi_pains.csv")) {
      if (in == null) {
        throw new IllegalStateException("wehi_pains.csv is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
          throw new IllegalStateException("unexpected line in wehi_pains.csv: " + line);
        }
        alerts.add(new Alert(m.group(2), Smarts.compile(m.group(1)).setPrepare(false)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading wehi_pains.csv", e);
    }
    return List.copyOf(alerts);
  }
}
