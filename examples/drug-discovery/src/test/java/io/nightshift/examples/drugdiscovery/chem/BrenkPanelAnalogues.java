package io.nightshift.examples.drugdiscovery.chem;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.SeedLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the project's own analogues for the Brenk reference panel: what {@code chem.generate} makes from the
 * shipped seeds (60, seed 18) and from those analogues again (40, seed 1018), so the panel holds the kind of
 * molecule the campaign filters (crossovers, element swaps, added substituents), not only textbook ones.
 * Run once, before {@code scripts/generate_brenk_reference.py} (the command is in that script's header); the
 * output is committed as a test resource, so the tests never run this.
 */
public final class BrenkPanelAnalogues {
  private BrenkPanelAnalogues() {}

  public static void main(String[] args) throws IOException, InvalidMoleculeException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BrenkPanelAnalogues OUTPUT.csv");
    }
    List<Molecule> seeds = new ArrayList<>();
    for (Candidate seed : SeedLibrary.load().candidates()) {
      seeds.add(MoleculeParser.parse(seed.smiles()));
    }
    List<Analogue> first = AnalogueGenerator.generate(seeds, 60, 18);
    List<Analogue> second = AnalogueGenerator.generate(first.stream().map(Analogue::molecule).toList(), 40, 1018);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
      out.println("name,smiles");
      write(out, "generation1", first);
      write(out, "generation2", second);
    }
  }

  private static void write(PrintWriter out, String generation, List<Analogue> analogues) {
    for (int i = 0; i < analogues.size(); i++) {
      Analogue a = analogues.get(i);
      out.println(generation + "-" + (i + 1) + " " + a.operator() + "," + a.molecule().canonicalSmiles());
    }
  }
}
