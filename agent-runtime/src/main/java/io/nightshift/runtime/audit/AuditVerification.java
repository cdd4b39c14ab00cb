package io.nightshift.runtime.audit;

import java.util.Optional;

/**
 * What verifying an audit log found.
 *
 * @param records      the records that verified, in order from the first (all of them when there is no problem)
 * @param lastHash     the {@code hash} of the last record that verified; {@link AuditLines#GENESIS} for none
 * @param lastLineHash SHA-256 of the last verified line: the next record's {@code prev}
 * @param problem      the first line that did not verify; empty when the whole log did
 */
public record AuditVerification(long records, String lastHash, String lastLineHash, Optional<AuditProblem> problem) {
  public boolean ok() {
    return problem.isEmpty();
  }
}
