package dev.entrashell.emulator.graph;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.graph.error.GraphException;

/**
 * The {@code keyCredentials} of a {@code PATCH /applications/{id}}, read as Graph reads them: the
 * collection replaces the application's certificates. An entry with a {@code key} (the certificate's
 * DER, base64) adds that certificate; an entry without one keeps the existing credential with its
 * {@code keyId}, which is how clients that read the collection first (as {@code az ad app credential
 * reset --append} does) keep what is there. Only client certificates ({@code AsymmetricX509Cert},
 * {@code Verify}) are taken.
 *
 * @param kept key ids of existing credentials to keep
 * @param added certificates to add
 */
record KeyCredentialChanges(Set<String> kept, List<X509Certificate> added) {
    private static final String RESOURCE = "Application";
    private static final String PROPERTY = "keyCredentials";

    static KeyCredentialChanges read(JsonElement value, Application application) throws GraphException {
        Set<String> kept = new LinkedHashSet<>();
        List<X509Certificate> added = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            return new KeyCredentialChanges(kept, added); // null clears the collection, as Graph does
        }
        for (JsonElement element : value.getAsJsonArray()) {
            JsonObject entry = element.getAsJsonObject();
            if (!KeyCredential.TYPE_CERTIFICATE.equals(text(entry, "type"))
                    || !KeyCredential.USAGE_VERIFY.equals(text(entry, "usage"))) {
                throw Bodies.invalidValue(PROPERTY, RESOURCE);
            }
            String key = text(entry, "key");
            if (key != null) {
                added.add(certificate(key, PROPERTY));
                continue;
            }
            String keyId = text(entry, "keyId");
            if (keyId == null
                    || application.keyCredentials().stream()
                            .noneMatch(k -> k.keyId().equalsIgnoreCase(keyId))) {
                throw Bodies.invalidValue(PROPERTY, RESOURCE);
            }
            kept.add(keyId.toLowerCase(Locale.ROOT));
        }
        return new KeyCredentialChanges(kept, added);
    }

    static String text(JsonObject entry, String name) {
        JsonElement value = entry.get(name);
        return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    /** Edm.Binary is standard base64; the base64url that some SDK versions sent is refused, as Graph does. */
    static X509Certificate certificate(String key, String property) throws GraphException {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest(
                    "Cannot convert the literal '" + key + "' to the expected type 'Edm.Binary'.");
        }
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw Bodies.invalidValue(property, RESOURCE);
        }
    }
}
