package io.nightshift.tools.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over a small set of documents, each a list of terms ({@link NoteTokenizer}). For each distinct query
 * term q, a document d scores
 * {@code idf(q) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl))} with {@code idf(q) = ln(1 + (N - n + 0.5) /
 * (n + 0.5))}, where tf is q's count in d, |d| the length of d, avgdl the mean length, N the number of documents and
 * n how many contain q (Lucene's idf, which stays positive for a term in most documents). The scores of the query's
 * terms add up. k1 = 1.2 and b = 0.75, the usual defaults. A query term repeated counts once.
 *
 * <p>Everything is computed per search from the documents given: a scope's notes number in the hundreds, not
 * millions, and an index kept up to date across processes would cost more than it saves.
 */
final class Bm25 {
  static final double K1 = 1.2;
  static final double B = 0.75;

  /** A document's place in the list given and its score. */
  record Hit(int document, double score) {}

  private Bm25() {}

  /**
   * The documents that contain at least one query term, best first; equal scores keep the documents' order.
   *
   * @param limit at most this many hits
   */
  static List<Hit> rank(List<List<String>> documents, List<String> query, int limit) {
    int n = documents.size();
    if (n == 0 || query.isEmpty()) {
      return List.of();
    }
    double avgLength = documents.stream().mapToInt(List::size).average().orElse(0);
    List<Map<String, Integer>> counts = new ArrayList<>(n);
    Map<String, Integer> containing = new HashMap<>();
    for (List<String> doc : documents) {
      Map<String, Integer> tf = new HashMap<>();
      doc.forEach(t -> tf.merge(t, 1, Integer::sum));
      tf.keySet().forEach(t -> containing.merge(t, 1, Integer::sum));
      counts.add(tf);
    }
    List<Hit> hits = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      double score = 0;
      boolean matched = false;
      for (String q : new LinkedHashSet<>(query)) {
        int tf = counts.get(d).getOrDefault(q, 0);
        if (tf == 0) {
          continue;
        }
        matched = true;
        int withTerm = containing.get(q);
        double idf = Math.log(1 + (n - withTerm + 0.5) / (withTerm + 0.5));
        double norm = avgLength == 0 ? 1 : 1 - B + B * documents.get(d).size() / avgLength;
        score += idf * tf * (K1 + 1) / (tf + K1 * norm);
      }
      if (matched) {
        hits.add(new Hit(d, score));
      }
    }
    // a stable sort: equal scores stay in the documents' order
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
  }
}
