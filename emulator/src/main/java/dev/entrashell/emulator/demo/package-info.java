/**
 * The demo tenant's content, generated deterministically (the same ids, names and dates relative to
 * start on every machine and run, so documentation and scripts can name them): its users, groups,
 * devices and apps, the demo app's credentials, and its workload identities; and what a client
 * needs to sign in as the demo app ({@link dev.entrashell.emulator.demo.DemoTenant}) or its workload
 * identities ({@link dev.entrashell.emulator.demo.DemoIdentities}).
 *
 * <p>Rule: depends on {@code directory} (what it fills) and {@code tls} (the demo certificates) only;
 * no server depends on it (only the root package, which seeds it, and {@code state}, which writes
 * its files): the demo is data, not behaviour.
 */
package dev.entrashell.emulator.demo;
