/**
 * The life cycle of a runtime process's parts: a leaf package, so every part (pools, Temporal, workers, the API)
 * can register what it opens without depending on the runtime that composes them.
 */
package io.nightshift.runtime.lifecycle;
