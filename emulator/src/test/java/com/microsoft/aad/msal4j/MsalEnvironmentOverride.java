package com.microsoft.aad.msal4j;

import java.util.Map;

/**
 * Test-only door into MSAL4J's package: {@link ManagedIdentityApplication} reads the environment
 * through a package-private {@code IEnvironmentVariables}, which a JVM cannot otherwise change for
 * itself. Replacing it lets one test JVM point MSAL at the emulator's App Service or IMDS endpoint
 * in turn; the child-process test covers the real environment.
 */
public final class MsalEnvironmentOverride {
    private MsalEnvironmentOverride() {}

    /** MSAL sees exactly these variables, and no others, until {@link #reset()}. */
    public static void set(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        ManagedIdentityApplication.setEnvironmentVariables(copy::get);
    }

    /** Back to the process environment. */
    public static void reset() {
        ManagedIdentityApplication.setEnvironmentVariables(null);
    }
}
