package dev.entrashell.emulator.graph;

import java.io.IOException;
import java.util.List;

import com.google.gson.stream.JsonWriter;

import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.graph.query.EntityType;
import dev.entrashell.emulator.graph.query.EntityTypes;
import dev.entrashell.emulator.graph.query.Expansion;
import dev.entrashell.emulator.graph.query.Property;
import dev.entrashell.emulator.graph.query.Selection;

/**
 * Directory objects as Graph writes them in a listing or a single answer: the selected properties,
 * expanded navigations, {@code @odata.type} in mixed collections, and only type and id for objects
 * of a kind the caller may not read.
 */
final class ListingJson {
    private ListingJson() {}

    /** A page of a listing, with its count and next link when it has them. */
    static byte[] page(
            GraphRequest request,
            TenantObjects objects,
            Listings.Source source,
            ListingPlan plan,
            List<Object> page,
            Integer count,
            String nextLink) {
        try {
            ByteArrayJson json = new ByteArrayJson(page.size() * 512);
            JsonWriter out = json.writer();
            out.beginObject();
            out.name("@odata.context")
                    .value(request.serviceRoot() + "/$metadata#" + source.context()
                            + plan.selection().contextSuffix());
            if (count != null) {
                out.name("@odata.count").value(count.longValue());
            }
            if (nextLink != null) {
                out.name("@odata.nextLink").value(nextLink);
            }
            out.name("value").beginArray();
            for (Object item : page) {
                out.beginObject();
                if (source.mixed()
                        && !ReadableTypes.readable(
                                EntityTypes.of(item), request.caller().roles())) {
                    writeLimited(out, item, plan.selection());
                } else {
                    writeBody(out, objects, item, plan.selection(), plan.expansion(), source.mixed());
                }
                out.endObject();
            }
            out.endArray();
            out.endObject();
            return json.bytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An object of a kind the caller may not read: its type and id, the other properties null. */
    private static void writeLimited(JsonWriter out, Object object, Selection selection) throws IOException {
        EntityType<?> type = EntityTypes.of(object);
        out.name("@odata.type").value(type.odataType());
        out.name("id").value(Listings.idOf(object));
        for (Property<?> property : selection.propertiesFor(type)) {
            if (!property.name().equals("id")) {
                out.name(property.name()).nullValue();
            }
        }
    }

    /** The object's properties (and expansions), inside an object the caller opened. */
    static void writeBody(
            JsonWriter out,
            TenantObjects objects,
            Object object,
            Selection selection,
            Expansion expansion,
            boolean mixed)
            throws IOException {
        EntityType<?> type = EntityTypes.of(object);
        if (mixed) {
            out.name("@odata.type").value(type.odataType());
        }
        writeProperties(out, type, object, selection);
        for (Expansion.Item item : expansion.items()) {
            EntityType.Navigation navigation = type.navigation(item.navigation().name());
            if (navigation == null) {
                continue;
            }
            List<?> related = navigation.resolve().apply(objects, Listings.idOf(object));
            out.name(navigation.name());
            if (!navigation.collection()) {
                if (related.isEmpty()) {
                    out.nullValue();
                } else {
                    out.beginObject();
                    writeBody(out, objects, related.get(0), item.selection(), Expansion.none(), true);
                    out.endObject();
                }
                continue;
            }
            out.beginArray();
            int written = 0;
            for (Object each : related) {
                if (written++ == Expansion.MAX_EXPANDED) {
                    break;
                }
                out.beginObject();
                writeBody(out, objects, each, item.selection(), Expansion.none(), true);
                out.endObject();
            }
            out.endArray();
        }
    }

    private static <T> void writeProperties(JsonWriter out, EntityType<T> type, Object object, Selection selection)
            throws IOException {
        type.writeProperties(out, object, selection.propertiesFor(type));
    }
}
