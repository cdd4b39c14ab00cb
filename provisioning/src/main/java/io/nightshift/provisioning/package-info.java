/**
 * What the runtime and its tests install on first use, reproducibly: Python environments installed only from the
 * lock files this jar carries ({@link io.nightshift.provisioning.python.PythonLock}: every package pinned with its
 * hashes), and the llama.cpp model server compiled with portable flags
 * ({@link io.nightshift.provisioning.llamacpp.LlamaCppBuildFlags}) into a wheelhouse of its own. See
 * provisioning/README.md.
 */
package io.nightshift.provisioning;
