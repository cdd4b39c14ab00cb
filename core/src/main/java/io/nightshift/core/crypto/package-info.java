/**
 * Encryption at rest: the AES-256-GCM cipher and the key-provider interface shared by the Temporal payload codec
 * and the artifact store, so that one key file covers every task's history and every artifact.
 */
package io.nightshift.core.crypto;
