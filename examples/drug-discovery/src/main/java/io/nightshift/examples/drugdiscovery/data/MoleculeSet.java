package io.nightshift.examples.drugdiscovery.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An ordered set of candidates: what molecule-set artifacts hold. Order is meaningful (rank, input order). */
public record MoleculeSet(List<Candidate> candidates) {
  public MoleculeSet {
    candidates = List.copyOf(candidates);
  }

  public static MoleculeSet empty() {
    return new MoleculeSet(List.of());
  }

  public int size() {
    return candidates.size();
  }

  public boolean isEmpty() {
    return candidates.isEmpty();
  }

  public Map<String, Candidate> byId() {
    return candidates.stream()
        .collect(Collectors.toMap(Candidate::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
