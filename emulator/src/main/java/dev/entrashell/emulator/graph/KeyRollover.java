package dev.entrashell.emulator.graph;

import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.graph.error.GraphException;

/**
 * {@code POST /applications/{id}/addKey} and {@code /removeKey}: an application rolls its own
 * certificates, proving possession of a current one (see {@link PossessionProof}). The route needs
 * no role: an app may roll its own keys with none, and another caller needs
 * Application.ReadWrite.All or Directory.ReadWrite.All. A key added here signs in at once; a
 * removed one stops signing in. Only client certificates ({@code AsymmetricX509Cert}, {@code
 * Verify}) are modelled: the emulator keeps no signing ({@code X509CertAndPassword}) keys.
 */
final class KeyRollover {
    private static final String RESOURCE = "Application";
    private static final Set<String> WRITERS_OF_ANY_APP =
            Set.of("Application.ReadWrite.All", "Directory.ReadWrite.All");

    private final Directory directory;

    KeyRollover(Directory directory) {
        this.directory = directory;
    }

    /** Body: {@code {"keyCredential": {"type", "usage", "key"}, "passwordCredential": null, "proof"}}. */
    GraphResponse addKey(GraphRequest request) throws GraphException {
        JsonObject body = Bodies.object(request);
        X509Certificate certificate = newCertificate(body.get("keyCredential"));
        Application application = target(request);
        List<X509Certificate> current = certificates(application);
        PossessionProof.verify(proof(body), application.id(), current, request.receivedAt());
        Set<String> kept = new LinkedHashSet<>();
        application.keyCredentials().forEach(key -> kept.add(key.keyId()));
        directory.replaceCertificates(request.caller().tenantId(), application.id(), kept, List.of(certificate));
        KeyCredential added = KeyCredential.of(application.appId(), certificate);
        return GraphResponse.ok(out -> {
            out.beginObject();
            out.name("@odata.context").value(request.serviceRoot() + "/$metadata#microsoft.graph.keyCredential");
            out.name("customKeyIdentifier").value(added.customKeyIdentifier());
            out.name("displayName").value(added.displayName());
            out.name("endDateTime").value(added.endDateTime().toString());
            out.name("key").nullValue();
            out.name("keyId").value(added.keyId());
            out.name("startDateTime").value(added.startDateTime().toString());
            out.name("type").value(added.type());
            out.name("usage").value(added.usage());
            out.endObject();
        });
    }

    /** Body: {@code {"keyId": "...", "proof": "..."}}. */
    GraphResponse removeKey(GraphRequest request) throws GraphException {
        JsonObject body = Bodies.object(request);
        JsonElement keyId = body.get("keyId");
        if (keyId == null || !keyId.isJsonPrimitive() || !Guids.isGuid(keyId.getAsString())) {
            throw Bodies.invalidValue("keyId", RESOURCE);
        }
        Application application = target(request);
        PossessionProof.verify(proof(body), application.id(), certificates(application), request.receivedAt());
        Set<String> kept = new LinkedHashSet<>();
        application.keyCredentials().forEach(key -> kept.add(key.keyId()));
        if (!kept.removeIf(id -> id.equalsIgnoreCase(keyId.getAsString()))) {
            throw GraphException.directoryBadRequest(
                    "No key credential with keyId '" + keyId.getAsString() + "' exists on the application.");
        }
        directory.replaceCertificates(request.caller().tenantId(), application.id(), kept, List.of());
        return GraphResponse.noContent();
    }

    /** The application addressed, when the caller is that application or may write any application. */
    private Application target(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        Application application = ReadHandlers.application(request, objects);
        boolean itself = application.appId().equalsIgnoreCase(request.caller().appId());
        if (!itself && request.caller().roles().stream().noneMatch(WRITERS_OF_ANY_APP::contains)) {
            throw GraphException.insufficientPrivileges();
        }
        return application;
    }

    /** The certificates behind the application's key credentials that the emulator holds (not the seeded ones). */
    private static List<X509Certificate> certificates(Application application) {
        return application.keyCredentials().stream()
                .map(KeyCredential::certificate)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String proof(JsonObject body) throws GraphException {
        JsonElement proof = body.get("proof");
        if (proof == null || proof.isJsonNull()) {
            return null;
        }
        if (!proof.isJsonPrimitive()) {
            throw Bodies.invalidValue("proof", RESOURCE);
        }
        return proof.getAsString();
    }

    private static X509Certificate newCertificate(JsonElement value) throws GraphException {
        if (value == null || !value.isJsonObject()) {
            throw Bodies.invalidValue("keyCredential", RESOURCE);
        }
        JsonObject credential = value.getAsJsonObject();
        if (!KeyCredential.TYPE_CERTIFICATE.equals(text(credential, "type"))
                || !KeyCredential.USAGE_VERIFY.equals(text(credential, "usage"))
                || text(credential, "key") == null) {
            throw Bodies.invalidValue("keyCredential", RESOURCE);
        }
        return KeyCredentialChanges.certificate(text(credential, "key"), "keyCredential");
    }

    private static String text(JsonObject entry, String name) {
        return KeyCredentialChanges.text(entry, name);
    }
}
