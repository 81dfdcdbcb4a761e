package dev.entrashell.emulator.graph;

import java.util.LinkedHashSet;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** {@code GET /v1.0/}: the OData service document, listing the entity sets the router serves. */
public final class ServiceDocumentHandler {
    private final GraphRouter router;

    public ServiceDocumentHandler(GraphRouter router) {
        this.router = router;
    }

    public GraphResponse get(GraphRequest request) {
        Set<String> entitySets = new LinkedHashSet<>();
        for (GraphRouter.Route route : router.routes()) {
            if (route.segments().size() == 1 && !route.segments().get(0).startsWith("$")) {
                entitySets.add(route.segments().get(0));
            }
        }
        JsonArray value = new JsonArray();
        for (String name : entitySets) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", name);
            entry.addProperty("kind", "EntitySet");
            entry.addProperty("url", name);
            value.add(entry);
        }
        JsonObject body = new JsonObject();
        body.addProperty("@odata.context", request.serviceRoot() + "/$metadata");
        body.add("value", value);
        return GraphResponse.ok(body);
    }
}
