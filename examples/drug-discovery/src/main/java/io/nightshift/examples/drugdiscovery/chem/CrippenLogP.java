package io.nightshift.examples.drugdiscovery.chem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Wildman-Crippen logP (J. Chem. Inf. Comput. Sci. 39 (1999) 868), the "ALOGP" input of QED. CDK has no
 * implementation of this scheme (its ALOGP descriptor is Ghose-Crippen), and QED's published desirability
 * function was fitted to it, so it is implemented here from RDKit's atom-type table ({@code crippen.txt}).
 *
 * <p>As in RDKit: hydrogens are made explicit, the typed patterns are tried in file order, and each atom takes
 * the contribution of the first pattern whose first atom it is; unmatched atoms contribute nothing.
 */
public final class CrippenLogP {
  private record AtomType(String id, SmartsPattern pattern, double contribution) {}

  /**
   * RDKit computes logP from a table compiled into its C++ library, not from the text file, and two rows
   * differ: the compiled ones negate element numbers, so an H on an aromatic nitrogen is H3 (0.2142), as in
   * Wildman and Crippen's paper, rather than H2 (-0.2677) as the file's aliphatic-symbol forms would give.
   */
  private static final Map<String, String> COMPILED_TABLE_FORMS = Map.of(
      "[#1]O[!C;!N;!O;!S]", "[#1]O[!#6;!#7;!#8;!#16]",
      "[#1][!C;!N;!O]", "[#1][!#6;!#7;!#8]");

  private static final List<AtomType> TYPES = load();

  private CrippenLogP() {}

  /** logP of a molecule with implicit hydrogens; the argument is not modified. */
  public static double of(IAtomContainer structure) {
    IAtomContainer withHydrogens = cloneOf(structure);
    AtomContainerManipulator.convertImplicitToExplicitHydrogens(withHydrogens);
    SmartsPattern.prepare(withHydrogens);
    int n = withHydrogens.getAtomCount();
    double[] contribution = new double[n];
    boolean[] assigned = new boolean[n];
    int remaining = n;
    for (AtomType type : TYPES) {
      if (remaining == 0) {
        break;
      }
      for (int[] mapping : type.pattern().matchAll(withHydrogens)) {
        int atom = mapping[0];
        if (!assigned[atom]) {
          assigned[atom] = true;
          contribution[atom] = type.contribution();
          remaining--;
        }
      }
    }
    double sum = 0;
    for (double c : contribution) {
      sum += c;
    }
    return sum;
  }

  static IAtomContainer cloneOf(IAtomContainer structure) {
    try {
      return structure.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("CDK atom containers are cloneable", e);
    }
  }

  private static List<AtomType> load() {
    List<AtomType> types = new ArrayList<>();
    try (InputStream in = CrippenLogP.class.getResourceAsStream("crippen.txt")) {
      if (in == null) {
        throw new IllegalStateException("crippen.txt is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        SmartsPattern pattern = Smarts.compile(COMPILED_TABLE_FORMS.getOrDefault(f[1], f[1])).setPrepare(false);
        types.add(new AtomType(f[0], pattern, Double.parseDouble(f[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading crippen.txt", e);
    }
    return List.copyOf(types);
  }
}
