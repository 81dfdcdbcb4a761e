package dev.entrashell.command;

import dev.entrashell.certificate.NewCertificate;
import picocli.CommandLine.Option;

/** The new certificate's lifetime and key size, as {@code cert new} and {@code cert rotate} take them. */
final class NewKeyOptions {
    @Option(
            names = "--months",
            paramLabel = "N",
            defaultValue = "" + NewCertificate.DEFAULT_MONTHS,
            description = "How long the new certificate is valid, from now (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(
            names = "--key-size",
            paramLabel = "BITS",
            defaultValue = "" + NewCertificate.DEFAULT_KEY_BITS,
            description = "The new RSA key's size: 2048, 3072 or 4096 (default: ${DEFAULT-VALUE}).")
    int keySize;
}
