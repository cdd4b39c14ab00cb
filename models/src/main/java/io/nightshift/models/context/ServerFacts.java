package io.nightshift.models.context;

import java.util.List;
import java.util.OptionalInt;

/**
 * What probing an endpoint's server found out.
 *
 * @param protocol which server it is; {@link ServerProtocol#UNKNOWN} when none answered as we know them
 * @param window   the context window the server reports for one request; empty when it reports none
 * @param tried    each probe and what it got, for the log line that says why the fallback is used
 * @param conclusive false when a probe got no answer at all (a timeout, a refused connection): then the facts are
 *                   worth keeping only briefly, since the server may be starting and answer any moment
 */
record ServerFacts(ServerProtocol protocol, OptionalInt window, List<String> tried, boolean conclusive) {
  ServerFacts {
    tried = List.copyOf(tried);
  }

  String describe() {
    String found = protocol == ServerProtocol.UNKNOWN
        ? "speaks " + protocol.description() + "; tried " + String.join(", ", tried)
        : "is a " + protocol.description();
    return found + (window.isPresent() ? "; window " + window.getAsInt() + " tokens" : "; no window reported");
  }
}
