package dev.entrashell.emulator.identity;

import java.util.List;
import java.util.Optional;

import dev.entrashell.emulator.directory.ManagedIdentity;

/**
 * Which user-assigned identity a request names, and by which parameter: a client id, an object
 * (principal) id, or an Azure resource id. No selector means the host's system-assigned identity.
 */
record IdentitySelector(Kind kind, String parameter, String value) {

    enum Kind {
        CLIENT_ID,
        OBJECT_ID,
        RESOURCE_ID
    }

    boolean matches(ManagedIdentity identity) {
        return switch (kind) {
            case CLIENT_ID -> identity.clientId().equalsIgnoreCase(value);
            case OBJECT_ID -> identity.principalId().equalsIgnoreCase(value);
            case RESOURCE_ID -> identity.hasResourceId(value);
        };
    }

    static Optional<ManagedIdentity> find(List<ManagedIdentity> identities, IdentitySelector selector) {
        return identities.stream().filter(selector::matches).findFirst();
    }
}
