/**
 * Implementation details of the model layer: error classification, the HTTP client that keeps Retry-After, the
 * mapping from endpoint configuration to LangChain4j models. No compatibility promise: use the public packages.
 */
package io.nightshift.models.internal;
