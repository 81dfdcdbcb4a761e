/**
 * The tenants' directories: tenants, users, groups, devices, applications, service principals,
 * their credentials and relations, as immutable records held by thread-safe stores ({@link
 * dev.entrashell.emulator.directory.Directory}, {@link dev.entrashell.emulator.directory.TenantObjects},
 * {@link dev.entrashell.emulator.directory.TenantWorkloads}) that every server reads.
 *
 * <p>Rule: depends on {@code tls} and {@code jwt} (thumbprints and encodings of key credentials) only; it knows
 * no HTTP, no Graph and no token endpoint, so every server can share it.
 */
package dev.entrashell.emulator.directory;
