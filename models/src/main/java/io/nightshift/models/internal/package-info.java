/**
 * Implementation details of the model layer: error classification, the HTTP client that keeps Retry-After, the
 * mapping of conversations to and from LangChain4j's messages. No compatibility promise: use the public packages.
 * Depends on {@code failure} only, never on {@code endpoint} or the root package, so no package cycle runs through
 * it.
 */
package io.nightshift.models.internal;
