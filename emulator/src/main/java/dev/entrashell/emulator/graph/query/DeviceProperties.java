package dev.entrashell.emulator.graph.query;

import java.util.ArrayList;
import java.util.List;

import dev.entrashell.emulator.directory.Device;
import dev.entrashell.emulator.graph.query.Property.Sort;

import static dev.entrashell.emulator.graph.query.Property.bool;
import static dev.entrashell.emulator.graph.query.Property.dateTime;
import static dev.entrashell.emulator.graph.query.Property.guid;
import static dev.entrashell.emulator.graph.query.Property.string;

/**
 * The device's properties and their query capabilities as Graph documents them.
 */
final class DeviceProperties {
    private DeviceProperties() {}

    static List<Property<Device>> all() {
        List<Property<Device>> p = new ArrayList<>();
        p.add(guid("id", Device::id).byDefault().filter("eq in", "ne not").build());
        p.add(dateTime("deletedDateTime", (Device device) -> null).byDefault().build());
        p.add(bool("accountEnabled", Device::accountEnabled)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(dateTime("approximateLastSignInDateTime", Device::approximateLastSignInDateTime)
                .byDefault()
                .filter("eq ge le null", "ne not")
                .sort(Sort.ADVANCED)
                .build());
        p.add(guid("deviceId", Device::deviceId)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("displayName", Device::displayName)
                .byDefault()
                .filter("eq in startsWith", "ne not null")
                .sort(Sort.ADVANCED)
                .tokenizedSearch()
                .build());
        p.add(bool("isCompliant", Device::isCompliant)
                .byDefault()
                .filter("eq", "ne not")
                .build());
        p.add(bool("isManaged", Device::isManaged)
                .byDefault()
                .filter("eq", "ne not")
                .build());
        p.add(string("manufacturer", Device::manufacturer)
                .byDefault()
                .filter("eq", "ne not startsWith")
                .build());
        p.add(string("model", Device::model)
                .byDefault()
                .filter("eq", "ne not startsWith")
                .build());
        p.add(string("operatingSystem", Device::operatingSystem)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not")
                .build());
        p.add(string("operatingSystemVersion", Device::operatingSystemVersion)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not")
                .build());
        p.add(dateTime("registrationDateTime", Device::registrationDateTime)
                .byDefault()
                .filter("eq ge le", "ne not")
                .build());
        p.add(string("trustType", Device::trustType)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        return p;
    }
}
