package dev.entrashell.emulator.graph.query;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.stream.JsonWriter;

import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.graph.query.Property.Sort;

import static dev.entrashell.emulator.graph.query.Property.bool;
import static dev.entrashell.emulator.graph.query.Property.complex;
import static dev.entrashell.emulator.graph.query.Property.dateTime;
import static dev.entrashell.emulator.graph.query.Property.guid;
import static dev.entrashell.emulator.graph.query.Property.string;
import static dev.entrashell.emulator.graph.query.Property.strings;

/**
 * The user's properties and their query capabilities as Graph documents them, with the sign-in
 * activity Graph shows only to apps holding its extra role.
 */
final class UserProperties {
    private UserProperties() {}

    static List<Property<User>> all() {
        List<Property<User>> p = new ArrayList<>();
        p.add(strings("businessPhones", User::businessPhones)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(string("displayName", User::displayName)
                .byDefault()
                .filter("eq in startsWith", "ne not null")
                .sort(Sort.DEFAULT)
                .tokenizedSearch()
                .build());
        p.add(string("givenName", User::givenName)
                .byDefault()
                .filter("eq in startsWith ge le", "ne null")
                .build());
        p.add(string("jobTitle", User::jobTitle)
                .byDefault()
                .filter("eq in ge le", "ne null")
                .build());
        p.add(string("mail", User::mail)
                .byDefault()
                .filter("eq in startsWith ge le", "ne endsWith")
                .build());
        p.add(string("mobilePhone", User::mobilePhone)
                .byDefault()
                .filter("", "eq ne in startsWith ge le null")
                .build());
        p.add(string("officeLocation", User::officeLocation)
                .byDefault()
                .filter("", "eq ne in startsWith ge le null")
                .build());
        p.add(string("preferredLanguage", User::preferredLanguage)
                .byDefault()
                .filter("", "eq ne in startsWith ge le null")
                .build());
        p.add(string("surname", User::surname)
                .byDefault()
                .filter("eq in startsWith ge le", "ne null")
                .build());
        p.add(string("userPrincipalName", User::userPrincipalName)
                .byDefault()
                .filter("eq in startsWith le", "ne endsWith")
                .sort(Sort.DEFAULT)
                .build());
        p.add(guid("id", User::id).byDefault().filter("eq in", "ne not").build());
        p.add(bool("accountEnabled", User::accountEnabled)
                .filter("eq in", "ne not ge le")
                .build());
        p.add(dateTime("createdDateTime", User::createdDateTime)
                .filter("eq ge le", "ne not in")
                .sort(Sort.ADVANCED)
                .build());
        p.add(string("department", User::department)
                .filter("eq in startsWith ge le", "ne not null")
                .build());
        p.add(string("mailNickname", User::mailNickname)
                .filter("eq in startsWith ge le", "ne null")
                .build());
        p.add(string("usageLocation", User::usageLocation)
                .filter("eq in startsWith ge le", "ne")
                .build());
        p.add(string("userType", User::userType).filter("eq in", "ne not null").build());
        p.add(complex("signInActivity", UserProperties::writeSignInActivity)
                .requiresRole(EntityTypes.SIGN_IN_ACTIVITY_ROLE)
                .child(dateTime("lastSignInDateTime", User::lastSignInDateTime).filter("eq ge le null", "ne not"))
                .child(dateTime("lastNonInteractiveSignInDateTime", User::lastNonInteractiveSignInDateTime)
                        .filter("eq ge le null", "ne not"))
                .child(dateTime("lastSuccessfulSignInDateTime", UserProperties::lastSuccessfulSignIn)
                        .filter("eq ge le null", "ne not"))
                .build());
        return p;
    }

    private static Instant lastSuccessfulSignIn(User user) {
        Instant interactive = user.lastSignInDateTime();
        Instant other = user.lastNonInteractiveSignInDateTime();
        if (interactive == null) {
            return other;
        }
        return other == null || interactive.isAfter(other) ? interactive : other;
    }

    private static void writeSignInActivity(JsonWriter out, User user) throws IOException {
        if (user.lastSignInDateTime() == null && user.lastNonInteractiveSignInDateTime() == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        signIn(out, "lastSignIn", user.id(), user.lastSignInDateTime());
        signIn(out, "lastNonInteractiveSignIn", user.id(), user.lastNonInteractiveSignInDateTime());
        signIn(out, "lastSuccessfulSignIn", user.id(), lastSuccessfulSignIn(user));
        out.endObject();
    }

    private static void signIn(JsonWriter out, String prefix, String userId, Instant time) throws IOException {
        out.name(prefix + "DateTime");
        if (time == null) {
            out.nullValue();
        } else {
            out.value(DateTimeFormatter.ISO_INSTANT.format(time));
        }
        out.name(prefix + "RequestId");
        if (time == null) {
            out.nullValue();
        } else {
            out.value(Guids.fromName(userId + "/" + prefix + "/" + time.getEpochSecond()));
        }
    }
}
