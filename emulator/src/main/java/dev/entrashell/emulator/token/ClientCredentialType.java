package dev.entrashell.emulator.token;

/** How the client proved who it is; becomes the token's {@code appidacr} claim. */
public enum ClientCredentialType {
    SECRET("1"),
    CERTIFICATE("2"),
    /** A token from a trusted external issuer (workload identity federation): also an assertion. */
    FEDERATED("2");

    private final String appIdAcr;

    ClientCredentialType(String appIdAcr) {
        this.appIdAcr = appIdAcr;
    }

    public String appIdAcr() {
        return appIdAcr;
    }
}
