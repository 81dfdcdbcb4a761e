package dev.entrashell.emulator.directory;

import java.time.Instant;
import java.util.List;

/**
 * An application object (app registration), as Graph's {@code /applications} shows it.
 *
 * @param id the object id
 * @param appId the application (client) id
 * @param signInAudience "AzureADMyOrg", "AzureADMultipleOrgs", ...
 */
public record Application(
        String id,
        String appId,
        String displayName,
        String description,
        String signInAudience,
        Instant createdDateTime,
        String publisherDomain,
        List<String> identifierUris,
        List<String> tags,
        String notes,
        List<KeyCredential> keyCredentials,
        List<PasswordCredential> passwordCredentials)
        implements DirectoryObject {

    public Application {
        identifierUris = List.copyOf(identifierUris);
        tags = List.copyOf(tags);
        keyCredentials = List.copyOf(keyCredentials);
        passwordCredentials = List.copyOf(passwordCredentials);
    }

    public Application withKeyCredentials(List<KeyCredential> keys) {
        return withCredentials(keys, passwordCredentials);
    }

    public Application withPasswordCredentials(List<PasswordCredential> passwords) {
        return withCredentials(keyCredentials, passwords);
    }

    private Application withCredentials(List<KeyCredential> keys, List<PasswordCredential> passwords) {
        return new Application(
                id,
                appId,
                displayName,
                description,
                signInAudience,
                createdDateTime,
                publisherDomain,
                identifierUris,
                tags,
                notes,
                keys,
                passwords);
    }
}
