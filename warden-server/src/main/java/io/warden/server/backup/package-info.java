/**
 * Backups of a server's data directory that are consistent while it runs ({@link io.warden.server.backup.Backup}),
 * and restores that verify everything before they write anything ({@link io.warden.server.backup.Restore}). The
 * format is described in {@code docs/backup.md}.
 */
package io.warden.server.backup;
