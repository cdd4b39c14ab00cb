/** Context-window bookkeeping for model calls: how big an endpoint's window is and what a prompt takes of it. */
package io.nightshift.models.context;
