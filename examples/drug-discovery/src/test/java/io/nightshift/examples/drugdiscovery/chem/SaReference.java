package io.nightshift.examples.drugdiscovery.chem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One molecule of RDKit 2022.09's SA-score reference (Contrib/SA_Score sascorer.py), written once by
 * {@code scripts/generate_sa_reference.py} (Debian /usr/bin/python3; the command is in the script's header): the
 * score, its terms and the unfolded Morgan fingerprint (radius 2) with counts.
 */
record SaReference(String name, String smiles, double saScore, SyntheticAccessibility.Terms terms,
    SortedMap<Long, Integer> morganCounts) {

  static List<SaReference> load() {
    try (InputStream in = SaReference.class.getResourceAsStream(
        "/io/nightshift/examples/drugdiscovery/sa_reference.csv")) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(l -> !l.startsWith("#") && !l.startsWith("name,"))
          .map(l -> l.split(","))
          .map(f -> new SaReference(f[0], f[1], Double.parseDouble(f[2]),
              new SyntheticAccessibility.Terms(Double.parseDouble(f[3]), Integer.parseInt(f[4]),
                  Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                  Integer.parseInt(f[9])),
              counts(f[10])))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SortedMap<Long, Integer> counts(String field) {
    SortedMap<Long, Integer> counts = new TreeMap<>();
    for (String pair : field.split(";")) {
      String[] idAndCount = pair.split(":");
      counts.put(Long.parseLong(idAndCount[0]), Integer.parseInt(idAndCount[1]));
    }
    return counts;
  }

  @Override
  public String toString() {
    return name;
  }
}
