package dev.entrashell.command;

import java.util.Iterator;

import dev.entrashell.certificate.CertificateStore;
import dev.entrashell.certificate.KnownThumbprints;
import dev.entrashell.services.ShellServices;

/**
 * Tab completion for {@code --thumbprint}: the certificates in the default stores, read at each Tab
 * (a certificate made a moment ago is offered), never at start-up.
 */
final class StoreThumbprints implements Iterable<String> {
    private final ShellServices services;

    StoreThumbprints(ShellServices services) {
        this.services = services;
    }

    @Override
    public Iterator<String> iterator() {
        return KnownThumbprints.in(CertificateStore.resolve(CertificateStore.DEFAULT, services.home()))
                .iterator();
    }
}
