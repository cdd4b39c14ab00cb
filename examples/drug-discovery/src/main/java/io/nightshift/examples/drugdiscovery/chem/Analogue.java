package io.nightshift.examples.drugdiscovery.chem;

import java.util.List;

/**
 * A generated molecule and how it was made.
 *
 * @param molecule the sanitised molecule
 * @param parents  indexes of the parent molecules in the generator's input
 * @param operator which move made it: {@code atom-swap}, {@code add-substituent}, {@code remove-substituent},
 *                 {@code fragment-swap} or {@code crossover}
 */
public record Analogue(Molecule molecule, List<Integer> parents, String operator) {
  public Analogue {
    parents = List.copyOf(parents);
  }
}
