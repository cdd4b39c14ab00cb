package io.nightshift.bench.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether every submitted item came back exactly once in the tasks' results: a retried chunk whose first run was
 * on a killed worker must not leave a second row, and none may be lost.
 *
 * @param expected   items submitted
 * @param once       items present exactly once
 * @param missing    submitted items absent from every result
 * @param duplicated submitted items present more than once
 * @param unexpected ids in the results that were never submitted
 */
public record ItemTally(int expected, int once, Set<String> missing, Set<String> duplicated, Set<String> unexpected) {
  public static ItemTally of(Collection<String> submitted, Collection<String> returned) {
    Map<String, Integer> seen = new HashMap<>();
    returned.forEach(id -> seen.merge(id, 1, Integer::sum));
    Set<String> missing = new TreeSet<>();
    Set<String> duplicated = new TreeSet<>();
    int once = 0;
    for (String id : new TreeSet<>(submitted)) {
      int n = seen.getOrDefault(id, 0);
      if (n == 0) {
        missing.add(id);
      } else if (n == 1) {
        once++;
      } else {
        duplicated.add(id);
      }
    }
    Set<String> unexpected = new TreeSet<>(seen.keySet());
    unexpected.removeAll(submitted);
    return new ItemTally(new TreeSet<>(submitted).size(), once, missing, duplicated, unexpected);
  }

  public boolean exactlyOnce() {
    return once == expected && unexpected.isEmpty();
  }

  @Override
  public String toString() {
    return String.format("%d/%d items exactly once, %d missing, %d duplicated, %d unexpected%s", once, expected,
        missing.size(), duplicated.size(), unexpected.size(), exactlyOnce() ? "" : " " + sample());
  }

  private String sample() {
    return "(missing " + first(missing) + ", duplicated " + first(duplicated) + ", unexpected " + first(unexpected)
        + ")";
  }

  private static String first(Set<String> ids) {
    return ids.stream().limit(5).toList().toString();
  }
}
