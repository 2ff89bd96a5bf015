/**
 * The vault: Warden's HTTP server. Datasets live here sealed at rest and are released only to the right principal,
 * under least privilege and recent MFA, with every request in a tamper-evident audit log.
 */
package io.warden.server;
