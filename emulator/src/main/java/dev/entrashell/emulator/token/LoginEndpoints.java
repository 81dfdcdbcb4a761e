package dev.entrashell.emulator.token;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.entrashell.emulator.directory.Tenant;

/** The URLs of the login server, and which of them a client assertion may name as its audience. */
public final class LoginEndpoints {
    private final URI base;

    public LoginEndpoints(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public String tokenEndpoint(String tenant) {
        return base + "/" + tenant + "/oauth2/v2.0/token";
    }

    public String jwksUri(String tenant) {
        return base + "/" + tenant + "/discovery/v2.0/keys";
    }

    /**
     * Entra accepts the token endpoint of the tenant, named by id or by any verified domain, in its
     * v2.0 or v1 form. The certificate also names {@code localhost}, so a client that reached us by
     * that name builds its audience with it: both host names are this endpoint.
     */
    public boolean isAudienceFor(String audience, Tenant tenant) {
        String wanted = audience.toLowerCase(Locale.ROOT);
        return acceptedAudiences(tenant).contains(wanted);
    }

    List<String> acceptedAudiences(Tenant tenant) {
        List<String> bases = List.of(
                base.toString().toLowerCase(Locale.ROOT),
                ("https://localhost:" + base.getPort()).toLowerCase(Locale.ROOT));
        List<String> tenantNames = new ArrayList<>();
        tenantNames.add(tenant.id());
        tenantNames.addAll(tenant.verifiedDomains());
        List<String> accepted = new ArrayList<>();
        for (String host : bases) {
            for (String name : tenantNames) {
                accepted.add(host + "/" + name + "/oauth2/v2.0/token");
                accepted.add(host + "/" + name + "/oauth2/token");
            }
        }
        return accepted;
    }
}
