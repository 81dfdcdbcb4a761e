package dev.entrashell.emulator.graph.query;

import java.util.ArrayList;
import java.util.List;

import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.graph.query.Property.Sort;

import static dev.entrashell.emulator.graph.query.Property.bool;
import static dev.entrashell.emulator.graph.query.Property.dateTime;
import static dev.entrashell.emulator.graph.query.Property.guid;
import static dev.entrashell.emulator.graph.query.Property.string;
import static dev.entrashell.emulator.graph.query.Property.strings;

/**
 * The group's properties and their query capabilities as Graph documents them.
 */
final class GroupProperties {
    private GroupProperties() {}

    static List<Property<Group>> all() {
        List<Property<Group>> p = new ArrayList<>();
        p.add(guid("id", Group::id).byDefault().filter("eq in", "ne not").build());
        p.add(dateTime("deletedDateTime", (Group group) -> null).byDefault().build());
        p.add(string("classification", (Group group) -> null).byDefault().build());
        p.add(dateTime("createdDateTime", Group::createdDateTime).byDefault().build());
        p.add(string("description", Group::description)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null")
                .tokenizedSearch()
                .build());
        p.add(string("displayName", Group::displayName)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null")
                .sort(Sort.DEFAULT)
                .tokenizedSearch()
                .build());
        p.add(strings("groupTypes", Group::groupTypes)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(string("mail", Group::mail)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null endsWith")
                .build());
        p.add(bool("mailEnabled", Group::mailEnabled)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("mailNickname", Group::mailNickname)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null")
                .build());
        p.add(bool("securityEnabled", Group::securityEnabled)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("visibility", Group::visibility)
                .byDefault()
                .filter("eq", "ne not")
                .build());
        return p;
    }
}
