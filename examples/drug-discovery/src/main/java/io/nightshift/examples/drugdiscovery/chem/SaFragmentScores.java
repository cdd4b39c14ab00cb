package io.nightshift.examples.drugdiscovery.chem;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The published SA-score fragment contributions (Ertl & Schuffenhauer 2009, RDKit Contrib/SA_Score
 * fpscores.pkl.gz): 705,292 Morgan environment ids with 3,549 distinct contributions, read once from
 * {@code sa_fragment_scores.bin.gz} (written by scripts/convert_sa_fragment_scores.py, which documents the
 * format; provenance in chem/ATTRIBUTION.md). Held as one sorted long[] (id in the high bits, contribution index
 * in the low 12), 5.6 MB, looked up by binary search: a HashMap of boxed ids would need about ten times that.
 */
final class SaFragmentScores {
  /** What sascorer.py gives an environment the published table lacks. */
  static final double UNKNOWN = -4;

  private static final String RESOURCE = "sa_fragment_scores.bin.gz";
  private static final int MAGIC = 0x53414643; // "SAFC"
  private static final int INDEX_BITS = 12;

  private final long[] entries;
  private final double[] contributions;

  private SaFragmentScores(long[] entries, double[] contributions) {
    this.entries = entries;
    this.contributions = contributions;
  }

  private static final class Holder {
    static final SaFragmentScores INSTANCE = load();
  }

  static SaFragmentScores shared() {
    return Holder.INSTANCE;
  }

  int size() {
    return entries.length;
  }

  /** The contribution of an environment id (unsigned 32-bit), or {@link #UNKNOWN}. */
  double contribution(long id) {
    int at = Arrays.binarySearch(entries, id << INDEX_BITS);
    int insertion = at >= 0 ? at : -at - 1;
    if (insertion < entries.length && entries[insertion] >>> INDEX_BITS == id) {
      return contributions[(int) (entries[insertion] & ((1 << INDEX_BITS) - 1))];
    }
    return UNKNOWN;
  }

  private static SaFragmentScores load() {
    try (InputStream raw = SaFragmentScores.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
      }
      DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
      if (in.readInt() != MAGIC || in.readInt() != 1) {
        throw new IllegalStateException(RESOURCE + " is not format 1 of scripts/convert_sa_fragment_scores.py");
      }
      int groups = in.readInt();
      if (groups <= 0 || groups >= 1 << INDEX_BITS) {
        throw new IllegalStateException(RESOURCE + ": " + groups + " contribution groups do not fit the index");
      }
      double[] contributions = new double[groups];
      long[] entries = new long[1 << 20];
      int size = 0;
      for (int g = 0; g < groups; g++) {
        contributions[g] = in.readInt() / 10000.0;
        int count = (int) varint(in);
        long id = 0;
        for (int k = 0; k < count; k++) {
          id += varint(in);
          if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
          }
          entries[size++] = (id << INDEX_BITS) | g;
        }
      }
      if (in.read() != -1) {
        throw new IllegalStateException(RESOURCE + " has data after its last group");
      }
      long[] sorted = Arrays.copyOf(entries, size);
      Arrays.sort(sorted);
      return new SaFragmentScores(sorted, contributions);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
  }

  private static long varint(DataInputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }
}
