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
}
