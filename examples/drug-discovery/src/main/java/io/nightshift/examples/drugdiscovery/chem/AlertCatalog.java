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

/**
 * A catalogue of named substructure alerts (PAINS, Brenk) read from a resource beside this class, matched with
 * CDK's SMARTS matcher. Each catalogue keeps its upstream file format: a line pattern with the groups
 * {@code name} and {@code smarts} reads it, lines starting with {@code #} are comments.
 */
final class AlertCatalog {
  private record Alert(String name, SmartsPattern pattern) {}

  private final List<Alert> alerts;

  private AlertCatalog(List<Alert> alerts) {
    this.alerts = List.copyOf(alerts);
  }

  /** Loads every line of {@code resource}; a line the pattern does not match fails the load, naming it. */
  static AlertCatalog load(String resource, Pattern line) {
    List<Alert> alerts = new ArrayList<>();
    try (InputStream in = AlertCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        if (text.startsWith("#") || text.isBlank()) {
          continue;
        }
        Matcher m = line.matcher(text.strip());
        if (!m.matches()) {
          throw new IllegalStateException("unexpected line " + number + " in " + resource + ": " + text);
        }
        // The caller prepares each target once (ring and aromaticity perception) for all patterns.
        alerts.add(new Alert(m.group("name"), Smarts.compile(m.group("smarts")).setPrepare(false)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
    return new AlertCatalog(alerts);
  }

  /** Names of the alerts found in a target already passed through {@link SmartsPattern#prepare}, in file order. */
  List<String> matches(IAtomContainer prepared) {
    List<String> hits = new ArrayList<>();
    for (Alert alert : alerts) {
      if (alert.pattern().matches(prepared)) {
        hits.add(alert.name());
      }
    }
    return hits;
  }

  int size() {
    return alerts.size();
  }
}
