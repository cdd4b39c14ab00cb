package io.nightshift.examples.drugdiscovery.data;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One molecule in a campaign, as it travels between steps.
 *
 * @param id         stable identifier: the seed's name, or a name derived from the SMILES for generated ones
 * @param smiles     canonical SMILES
 * @param name       human-readable name (may equal the id)
 * @param parents    ids of the molecules it was made from; empty for seeds
 * @param origin     how it was made: {@code seed}, {@code mutate:<operator>}, {@code crossover}, {@code model}
 * @param properties computed values by column name (descriptors, scores), as text so files round-trip exactly
 */
public record Candidate(
    String id, String smiles, String name, List<String> parents, String origin, SortedMap<String, String> properties) {
  public Candidate {
    requireText(id, "id");
    requireText(smiles, "smiles");
    name = name == null || name.isBlank() ? id : name;
    parents = List.copyOf(parents);
    origin = origin == null || origin.isBlank() ? "unknown" : origin;
    properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
  }

  public static Candidate seed(String id, String smiles, String name) {
    return new Candidate(id, smiles, name, List.of(), "seed", new TreeMap<>());
  }

  public Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  public Optional<Double> number(String key) {
    return property(key).filter(v -> !v.isBlank()).map(Double::parseDouble);
  }

  /** A copy with more (or replaced) properties. */
  public Candidate with(SortedMap<String, String> more) {
    TreeMap<String, String> merged = new TreeMap<>(properties);
    merged.putAll(more);
    return new Candidate(id, smiles, name, parents, origin, merged);
  }

  public Candidate with(String key, String value) {
    TreeMap<String, String> one = new TreeMap<>();
    one.put(key, value);
    return with(one);
  }

  private static void requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
