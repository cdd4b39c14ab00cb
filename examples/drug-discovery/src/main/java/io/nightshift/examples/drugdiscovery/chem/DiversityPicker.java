package io.nightshift.examples.drugdiscovery.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a selection diverse: walks candidates best-first and takes one only if its ECFP4 Tanimoto similarity to
 * every molecule already taken is below a threshold (leader / sphere-exclusion picking, the greedy form of
 * Butina clustering with the best-scored molecule as each cluster's centroid). Deterministic for a given
 * order.
 */
public final class DiversityPicker {
  private DiversityPicker() {}

  /**
   * @param rankedFingerprints fingerprints, best candidate first
   * @param maxSimilarity      a candidate this similar (or more) to a picked one is skipped; 1 keeps all but
   *                           exact fingerprint duplicates
   * @param count              how many to pick at most
   * @return indexes into {@code rankedFingerprints} of the picked molecules, in rank order
   */
  public static List<Integer> pick(List<Fingerprint> rankedFingerprints, double maxSimilarity, int count) {
    if (maxSimilarity <= 0 || maxSimilarity > 1) {
      throw new IllegalArgumentException("maxSimilarity must be in (0, 1], was " + maxSimilarity);
    }
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < rankedFingerprints.size() && picked.size() < count; i++) {
      Fingerprint candidate = rankedFingerprints.get(i);
      boolean distinct = true;
      for (int j : picked) {
        if (candidate.tanimoto(rankedFingerprints.get(j)) >= maxSimilarity) {
          distinct = false;
          break;
        }
      }
      if (distinct) {
        picked.add(i);
      }
    }
    return picked;
  }

  /**
   * Butina clustering (J. Chem. Inf. Comput. Sci. 39 (1999) 747): repeatedly takes the molecule with most
   * unassigned neighbours within the similarity cut-off as a centroid, ties broken by input order.
   *
   * @return cluster index per molecule, clusters numbered from 0 in the order they were formed
   */
  public static int[] butina(List<Fingerprint> fingerprints, double minSimilarity) {
    int n = fingerprints.size();
    boolean[][] near = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        boolean close = i == j || fingerprints.get(i).tanimoto(fingerprints.get(j)) >= minSimilarity;
        near[i][j] = close;
        near[j][i] = close;
      }
    }
    int[] cluster = new int[n];
    Arrays.fill(cluster, -1);
    int next = 0;
    for (int assigned = 0; assigned < n; ) {
      int centroid = -1;
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (cluster[i] >= 0) {
          continue;
        }
        int neighbours = 0;
        for (int j = 0; j < n; j++) {
          neighbours += cluster[j] < 0 && near[i][j] ? 1 : 0;
        }
        if (neighbours > best) {
          best = neighbours;
          centroid = i;
        }
      }
      for (int j = 0; j < n; j++) {
        if (cluster[j] < 0 && near[centroid][j]) {
          cluster[j] = next;
          assigned++;
        }
      }
      next++;
    }
    return cluster;
  }
}
