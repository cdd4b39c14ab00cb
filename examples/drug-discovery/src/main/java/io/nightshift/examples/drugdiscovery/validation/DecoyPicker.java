package io.nightshift.examples.drugdiscovery.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks property-matched, topologically dissimilar decoys for each active, DUD-E style (Mysinger et al., J. Med.
 * Chem. 55 (2012) 6582). A library molecule can be a decoy only if its ECFP4 Tanimoto to every active is below
 * {@code maxSimilarity}, and it is used once at most. For each active, level by level through
 * {@link PropertyWindow#SCHEDULE}, each active in turn: the unused molecules inside the window are ranked by their
 * highest Tanimoto to any active, the most dissimilar quarter is kept (as DUD-E does), and as many decoys as the
 * active still needs, at most the whole quarter, are drawn from it at random with the given seed; the next level
 * widens the window for the actives still short. Taking at most a quarter per level, active by active, shares a
 * scarce neighbourhood between similar actives (nilotinib and radotinib need the same large, lipophilic decoys).
 * A library too small even then (large kinase inhibitors in a 5,000-molecule library) gives each active still
 * short the most dissimilar molecules left in its widest window, one per active in turn; those actives are
 * reported as {@code quarterRelaxed}. Deterministic: equal inputs and seed give the same decoys.
 */
public final class DecoyPicker {
  /** A decoy chosen for an active, at a window level, with its highest Tanimoto to any active. */
  public record Pick(Ligand decoy, Ligand active, int level, double maxSimilarity) {}

  /** The decoys of each active (actives in input order), and the actives that got them without the quarter rule. */
  public record Result(Map<String, List<Pick>> byActive, Set<String> quarterRelaxed) {
    public List<Pick> all() {
      return byActive.values().stream().flatMap(List::stream).toList();
    }
  }

  private record Scored(Ligand ligand, double maxSimilarity) {}

  private static final Comparator<Scored> MOST_DISSIMILAR_FIRST =
      Comparator.comparingDouble(Scored::maxSimilarity).thenComparing(s -> s.ligand().id());

  private DecoyPicker() {}

  public static Result pick(List<Ligand> actives, List<Ligand> library, int perActive, double maxSimilarity,
      long seed) {
    if (perActive < 1) {
      throw new IllegalArgumentException("decoys per active must be at least 1, was " + perActive);
    }
    List<Scored> eligible = new ArrayList<>();
    for (Ligand candidate : library) {
      double highest = actives.stream().mapToDouble(a -> a.fingerprint().tanimoto(candidate.fingerprint())).max()
          .orElse(0);
      if (highest < maxSimilarity) {
        eligible.add(new Scored(candidate, highest));
      }
    }
    eligible.sort(MOST_DISSIMILAR_FIRST);
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> used = new HashSet<>();
    Map<String, List<Pick>> byActive = new LinkedHashMap<>();
    actives.forEach(a -> byActive.put(a.id(), new ArrayList<>()));
    for (PropertyWindow window : PropertyWindow.SCHEDULE) {
      for (Ligand active : actives) {
        int need = perActive - byActive.get(active.id()).size();
        List<Scored> pool = pool(eligible, used, window, active);
        if (need > 0 && !pool.isEmpty()) {
          List<Scored> quarter = new ArrayList<>(pool.subList(0, (pool.size() + 3) / 4));
          shuffle(quarter, random);
          List<Scored> drawn = new ArrayList<>(quarter.subList(0, Math.min(need, quarter.size())));
          drawn.sort(MOST_DISSIMILAR_FIRST);
          for (Scored s : drawn) {
            used.add(s.ligand().id());
            byActive.get(active.id()).add(new Pick(s.ligand(), active, window.level(), s.maxSimilarity()));
          }
        }
      }
    }
    return new Result(byActive, fillFromWidest(actives, eligible, used, byActive, perActive));
  }

  /** Round robin over the actives still short: each takes the most dissimilar molecule left in its widest window. */
  private static Set<String> fillFromWidest(List<Ligand> actives, List<Scored> eligible, Set<String> used,
      Map<String, List<Pick>> byActive, int perActive) {
    PropertyWindow widest = PropertyWindow.widest();
    Set<String> relaxed = new LinkedHashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Ligand active : actives) {
        if (byActive.get(active.id()).size() >= perActive) {
          continue;
        }
        List<Scored> pool = pool(eligible, used, widest, active);
        if (!pool.isEmpty()) {
          Scored s = pool.get(0);
          used.add(s.ligand().id());
          byActive.get(active.id()).add(new Pick(s.ligand(), active, widest.level(), s.maxSimilarity()));
          relaxed.add(active.id());
          progress = true;
        }
      }
    }
    return relaxed;
  }

  private static List<Scored> pool(List<Scored> eligible, Set<String> used, PropertyWindow window, Ligand active) {
    return eligible.stream()
        .filter(s -> !used.contains(s.ligand().id()))
        .filter(s -> window.admits(active.properties(), s.ligand().properties()))
        .toList();
  }

  private static void shuffle(List<Scored> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Scored tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }
}
