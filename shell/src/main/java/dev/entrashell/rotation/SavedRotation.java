package dev.entrashell.rotation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.entrashell.auth.Connection;
import dev.entrashell.certificate.CertificateStore;
import dev.entrashell.connection.SavedConnection;
import dev.entrashell.session.ShellHome;

/**
 * What a rotation changes in a saved connection that used the old certificate: a thumbprint becomes the
 * new one (and the store the new key's folder, when it went elsewhere), a certificate file the new key
 * file. A subject name needs nothing: the newest valid certificate with it is the new one.
 */
final class SavedRotation {
    private SavedRotation() {}

    static Optional<SavedConnection> update(SavedConnection saved, Connection fresh, Path newKeyFile, ShellHome home) {
        Map<String, String> credential = new LinkedHashMap<>(saved.credential());
        Path newFile = newKeyFile.toAbsolutePath().normalize();
        if (credential.containsKey("thumbprint")) {
            credential.put("thumbprint", fresh.certificateThumbprint());
            String store = credential.getOrDefault("store", CertificateStore.DEFAULT);
            boolean sameFolder = !Path.of(store).toAbsolutePath().toFile().isFile() // a .pfx file store: a new folder
                    && newFile.getParent()
                            .equals(CertificateStore.folderFor(store, home)
                                    .toAbsolutePath()
                                    .normalize());
            if (!sameFolder) {
                credential.put("store", newFile.getParent().toString());
            }
        } else if (credential.containsKey("certificate")) {
            credential.put("certificate", newFile.toString());
        } else {
            return Optional.empty();
        }
        return Optional.of(new SavedConnection(
                saved.name(),
                saved.tenant(),
                saved.clientId(),
                saved.environment(),
                credential,
                saved.sendCertificateChain(),
                saved.timeoutSeconds()));
    }
}
