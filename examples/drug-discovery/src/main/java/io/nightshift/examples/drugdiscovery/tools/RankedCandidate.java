package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.chem.Fingerprint;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import java.util.SortedMap;

/**
 * A candidate in the order a {@code chem.select} ranking put it, with its ECFP4 fingerprint for diversity picking
 * and the columns the ranking adds to its row (e.g. {@code combined_score} or {@code pareto_front}).
 */
record RankedCandidate(Candidate candidate, Fingerprint fingerprint, SortedMap<String, String> columns) {}
