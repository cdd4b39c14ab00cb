package io.nightshift.examples.drugdiscovery.data;

import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped seed library: approved drugs, most of them kinase inhibitors, with their SMILES canonicalised by
 * CDK. Names and sources are in {@code data/seeds.csv}; attribution in {@code data/ATTRIBUTION.md}.
 */
public final class SeedLibrary {
  static final String RESOURCE = "/io/nightshift/examples/drugdiscovery/data/seeds.csv";

  private SeedLibrary() {}

  public static MoleculeSet load() {
    byte[] content;
    try (InputStream in = SeedLibrary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    List<Candidate> seeds = new ArrayList<>();
    for (Candidate raw : MoleculeSetCsv.read(content).candidates()) {
      try {
        String canonical = MoleculeParser.canonical(raw.smiles());
        seeds.add(new Candidate(raw.id(), canonical, raw.name(), List.of(), "seed", raw.properties()));
      } catch (InvalidMoleculeException e) {
        throw new IllegalStateException("the shipped seed " + raw.id() + " is invalid: " + e.getMessage(), e);
      }
    }
    return new MoleculeSet(seeds);
  }
}
