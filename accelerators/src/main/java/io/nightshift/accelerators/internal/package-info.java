/**
 * Shared machinery of the built-in backends (process running, lease book-keeping, small parsers). It carries no
 * compatibility promise: plug-ins should depend on {@code io.nightshift.core.accelerator} only.
 */
package io.nightshift.accelerators.internal;
