/**
 * How a model call fails: {@link io.nightshift.models.failure.ModelCallException} and its
 * {@link io.nightshift.models.failure.FailureKind}, whose retryable flag the engine maps to its retry policy. Its own
 * package (as sdk-java's {@code failure}) because every other package of the model layer throws or classifies them:
 * in the root package, beside {@code ModelCall}, they tied {@code internal} and {@code endpoint} into a cycle with it.
 */
package io.nightshift.models.failure;
