/** Implementation details of provisioning; no compatibility promise. */
package io.nightshift.provisioning.internal;
