package io.nightshift.core.egress;

import java.net.URI;

/**
 * Where a refused outbound connection is reported beyond the log: the runtime records each in its audit log, so a
 * tool or agent that tried to reach a host outside the allow-list leaves a tamper-evident trace of who tried and
 * where. Called on the thread that tried to connect, before the refusal is thrown to it.
 */
@FunctionalInterface
public interface EgressRefusals {
  /** Reports nothing: for policies used where no audit log is open (the CLI's checks, tests). */
  EgressRefusals NONE = (client, url, refusal) -> {};

  /**
   * @param client  who tried to connect, e.g. {@code model endpoint 'llama'} or {@code tool chem.dock}
   * @param url     where it tried to connect
   * @param refusal the refusal about to be thrown, saying why
   */
  void refused(String client, URI url, EgressRefusedException refusal);
}
