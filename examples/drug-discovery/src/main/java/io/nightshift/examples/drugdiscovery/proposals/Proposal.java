package io.nightshift.examples.drugdiscovery.proposals;

import java.util.Locale;

/**
 * One molecule a model proposed, after review.
 *
 * @param text          what the model wrote
 * @param status        accepted (a new, valid molecule), invalid or duplicate
 * @param canonical     the canonical SMILES, null when invalid
 * @param note          why it was rejected, or which parent it is closest to
 * @param nearestParent id of the most similar parent (ECFP4 Tanimoto), null when invalid or there are no parents
 * @param similarity    Tanimoto similarity to that parent, NaN when there is none
 */
public record Proposal(String text, Status status, String canonical, String note, String nearestParent,
    double similarity) {
  /** The outcome of reviewing a proposal. */
  public enum Status {
    ACCEPTED, INVALID, DUPLICATE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
