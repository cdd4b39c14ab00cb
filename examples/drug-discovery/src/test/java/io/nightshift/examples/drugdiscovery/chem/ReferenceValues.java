package io.nightshift.examples.drugdiscovery.chem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RDKit 2022.09 reference values for the seed drugs, written once by {@code scripts/generate_qed_reference.py}
 * (run with Debian's /usr/bin/python3 and python3-rdkit; the command is in the script's header).
 */
record ReferenceValues(
    String name, String smiles, double mw, double alogp, int hba, int hbd, double psa, int rotb, int arom,
    int alerts, double qed) {

  static List<ReferenceValues> load() {
    List<ReferenceValues> rows = new ArrayList<>();
    try (InputStream in = ReferenceValues.class.getResourceAsStream(
        "/io/nightshift/examples/drugdiscovery/rdkit_reference.csv")) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.lines()
          .filter(l -> !l.startsWith("#") && !l.startsWith("name,"))
          .map(l -> l.split(","))
          .forEach(f -> rows.add(new ReferenceValues(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
              Integer.parseInt(f[4]), Integer.parseInt(f[5]), Double.parseDouble(f[6]), Integer.parseInt(f[7]),
              Integer.parseInt(f[8]), Integer.parseInt(f[9]), Double.parseDouble(f[10]))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  @Override
  public String toString() {
    return name;
  }
}
