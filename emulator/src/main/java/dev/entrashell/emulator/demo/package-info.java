/**
 * The demo tenant's content, generated deterministically (the same ids, names and dates relative to
 * start on every machine and run, so documentation and scripts can name them): its users, groups,
 * devices and apps, the demo app's credentials, and its workload identities.
 *
 * <p>Rule: depends on {@code directory} (what it fills) and {@code tls} (the demo certificates) only;
 * no server depends on it: the demo is data, not behaviour.
 */
package dev.entrashell.emulator.demo;
