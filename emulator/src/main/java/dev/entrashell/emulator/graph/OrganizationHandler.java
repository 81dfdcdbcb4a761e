package dev.entrashell.emulator.graph;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.graph.error.GraphException;

/** {@code GET /organization}: the caller's tenant, as a one-element collection. */
public final class OrganizationHandler {
    private final Directory directory;

    public OrganizationHandler(Directory directory) {
        this.directory = directory;
    }

    public GraphResponse list(GraphRequest request) throws GraphException {
        UnsupportedQueries.reject(request.query(), "skip", "filter", "search", "orderby", "count", "expand");
        Tenant tenant = directory
                .tenant(request.caller().tenantId())
                .orElseThrow(
                        () -> GraphException.resourceNotFound(request.caller().tenantId()));
        JsonObject organization = organization(tenant);
        String selection = "";
        Optional<String> select = request.query().get("select").filter(s -> !s.isBlank());
        if (select.isPresent()) {
            JsonObject selected = new JsonObject();
            for (String raw : select.get().split(",")) {
                String name = raw.strip();
                String canonical = organization.keySet().stream()
                        .filter(key -> key.equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> GraphException.directoryBadRequest("Could not find a property named '" + name
                                + "' on type 'Microsoft.DirectoryServices.TenantDetail'."));
                selected.add(canonical, organization.get(canonical));
            }
            organization = selected;
            selection = "(" + String.join(",", selected.keySet()) + ")";
        }
        JsonArray value = new JsonArray();
        value.add(organization);
        JsonObject body = new JsonObject();
        body.addProperty("@odata.context", request.serviceRoot() + "/$metadata#organization" + selection);
        body.add("value", value);
        return GraphResponse.ok(body);
    }

    private static JsonObject organization(Tenant tenant) {
        JsonObject organization = new JsonObject();
        organization.addProperty("id", tenant.id());
        organization.add("deletedDateTime", JsonNull.INSTANCE);
        organization.add("businessPhones", new JsonArray());
        organization.add("city", JsonNull.INSTANCE);
        organization.add("country", JsonNull.INSTANCE);
        organization.addProperty("countryLetterCode", "US");
        organization.addProperty("createdDateTime", DateTimeFormatter.ISO_INSTANT.format(tenant.createdDateTime()));
        organization.add("defaultUsageLocation", JsonNull.INSTANCE);
        organization.addProperty("displayName", tenant.organizationName());
        organization.add("marketingNotificationEmails", new JsonArray());
        organization.add("postalCode", JsonNull.INSTANCE);
        organization.addProperty("preferredLanguage", "en");
        organization.add("state", JsonNull.INSTANCE);
        organization.add("street", JsonNull.INSTANCE);
        organization.add("technicalNotificationMails", new JsonArray());
        organization.addProperty("tenantType", "AAD");
        JsonArray domains = new JsonArray();
        for (int i = 0; i < tenant.verifiedDomains().size(); i++) {
            JsonObject domain = new JsonObject();
            domain.addProperty("capabilities", "Email, OfficeCommunicationsOnline");
            domain.addProperty("isDefault", i == 0);
            domain.addProperty("isInitial", i == 0);
            domain.addProperty("name", tenant.verifiedDomains().get(i));
            domain.addProperty("type", "Managed");
            domains.add(domain);
        }
        organization.add("verifiedDomains", domains);
        return organization;
    }
}
