package dev.entrashell.rotation;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphFailure;
import dev.entrashell.graph.GraphRequest;
import dev.entrashell.graph.QueryOptions;

/**
 * The app's own certificate credentials through the shell's Graph client (so the one-origin guard and
 * the deadline apply): read them when the token may, add one with {@code addKey}, remove one with
 * {@code removeKey}.
 */
final class ApplicationKeys {
    /**
     * The application object as far as rotation needs it.
     *
     * @param keyIds key id by certificate thumbprint (upper-case hex, Entra's customKeyIdentifier)
     */
    record Application(String objectId, Map<String, String> keyIds) {
        Optional<String> keyIdOf(String thumbprint) {
            return Optional.ofNullable(keyIds.get(thumbprint.toUpperCase(Locale.ROOT)));
        }
    }

    private final GraphClient graph;

    ApplicationKeys(GraphClient graph) {
        this.graph = graph;
    }

    /** The application, or empty when the token may not read it (an app with no role cannot read itself). */
    Optional<Application> read(String clientId) {
        JsonObject application;
        try {
            application = graph.send(
                            GraphRequest.get("/applications(appId='" + clientId + "')?$select=id,keyCredentials"))
                    .json()
                    .getAsJsonObject();
        } catch (GraphFailure e) {
            if (e.status() == 403 || e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, String> keyIds = new LinkedHashMap<>();
        JsonElement keys = application.get("keyCredentials");
        if (keys != null && keys.isJsonArray()) {
            for (JsonElement key : keys.getAsJsonArray()) {
                JsonObject credential = key.getAsJsonObject();
                JsonElement thumbprint = credential.get("customKeyIdentifier");
                if (thumbprint != null && thumbprint.isJsonPrimitive()) {
                    keyIds.put(
                            thumbprint.getAsString().toUpperCase(Locale.ROOT),
                            credential.get("keyId").getAsString());
                }
            }
        }
        return Optional.of(new Application(application.get("id").getAsString(), keyIds));
    }

    /** {@code addKey}: the certificate's public part; returns the new credential's key id. */
    String add(String objectId, X509Certificate certificate, String proof) {
        JsonObject keyCredential = new JsonObject();
        keyCredential.addProperty("type", "AsymmetricX509Cert");
        keyCredential.addProperty("usage", "Verify");
        keyCredential.addProperty("key", base64(certificate));
        JsonObject body = new JsonObject();
        body.add("keyCredential", keyCredential);
        body.add("passwordCredential", com.google.gson.JsonNull.INSTANCE);
        body.addProperty("proof", proof);
        JsonObject added = graph.send(post("/applications/" + objectId + "/addKey", body))
                .json()
                .getAsJsonObject();
        return added.get("keyId").getAsString();
    }

    /** {@code removeKey}. */
    void remove(String objectId, String keyId, String proof) {
        JsonObject body = new JsonObject();
        body.addProperty("keyId", keyId);
        body.addProperty("proof", proof);
        graph.send(post("/applications/" + objectId + "/removeKey", body));
    }

    private static GraphRequest post(String target, JsonObject body) {
        return new GraphRequest("POST", target, "v1.0", List.of(), body.toString(), QueryOptions.none());
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the new certificate: " + e.getMessage(), e);
        }
    }
}
