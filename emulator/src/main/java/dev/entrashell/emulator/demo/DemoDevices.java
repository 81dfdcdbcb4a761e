package dev.entrashell.emulator.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.entrashell.emulator.directory.Device;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.TenantObjects;

import static dev.entrashell.emulator.demo.DemoDirectory.DAY;

/**
 * The demo tenant's devices, each drawn from its own seeded random numbers: Windows PCs (joined to
 * Entra, to a domain, or registered), Macs, iPhones and Android phones, most managed and compliant,
 * registered since 2020, some never signed in and some stale (no sign-in for 90 days or more).
 */
final class DemoDevices {
    private static final Instant EARLIEST_REGISTRATION = Instant.parse("2020-01-01T00:00:00Z");

    private final TenantObjects objects;
    private final String tenantId;
    private final Instant now;

    private DemoDevices(TenantObjects objects, Instant now) {
        this.objects = objects;
        this.tenantId = objects.tenantId();
        this.now = now;
    }

    /** Adds {@code count} devices, numbered from 1; returns them in that order. */
    static List<Device> seed(TenantObjects objects, Instant now, int count) {
        return new DemoDevices(objects, now).devices(count);
    }

    private List<Device> devices(int count) {
        List<Device> devices = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            Device device = device(n);
            objects.addDevice(device);
            devices.add(device);
        }
        return devices;
    }

    private Device device(int n) {
        SplittableRandom random = new SplittableRandom(DemoSeed.USER_SEED * 31 + n);
        int kind = random.nextInt(100);
        String name;
        String os;
        String version;
        String manufacturer;
        String model;
        String trustType;
        if (kind < 55) {
            name = (random.nextBoolean() ? "DESKTOP-" : "LAPTOP-") + code(random, 7);
            os = "Windows";
            version = random.nextInt(3) == 0 ? "10.0.19045.4894" : "10.0.22631.4169";
            manufacturer = random.nextBoolean() ? "Dell Inc." : "LENOVO";
            model = manufacturer.startsWith("Dell") ? "Latitude 7440" : "ThinkPad T14 Gen 4";
            int trust = random.nextInt(100);
            trustType = trust < 60 ? "AzureAd" : trust < 85 ? "ServerAd" : "Workplace";
        } else if (kind < 70) {
            name = "MacBook-" + code(random, 4);
            os = "MacMDM";
            version = "14.6.1";
            manufacturer = "Apple";
            model = "MacBook Pro";
            trustType = "Workplace";
        } else if (kind < 88) {
            name = "iPhone-" + code(random, 4);
            os = "iOS";
            version = "17.6.1";
            manufacturer = "Apple";
            model = "iPhone 15";
            trustType = "Workplace";
        } else {
            name = "Android-" + code(random, 4);
            os = "Android";
            version = "14.0";
            manufacturer = "Google";
            model = "Pixel 8";
            trustType = "Workplace";
        }
        boolean managed = random.nextInt(100) < 85;
        boolean compliant = managed && random.nextInt(100) < 90;
        boolean enabled = random.nextInt(100) < 97;
        long registrationWindow = Math.max(DAY, now.getEpochSecond() - EARLIEST_REGISTRATION.getEpochSecond() - DAY);
        Instant registered = EARLIEST_REGISTRATION.plusSeconds(random.nextLong(registrationWindow));
        int activity = random.nextInt(100);
        Instant lastSignIn = activity < 10
                ? null
                : now.minusSeconds(
                        (activity < 30 ? 90 + random.nextInt(275) : random.nextInt(30)) * DAY + random.nextLong(DAY));
        if (lastSignIn != null && lastSignIn.isBefore(registered)) {
            lastSignIn = registered;
        }
        return new Device(
                DemoDirectory.deviceId(tenantId, n),
                Guids.fromName(tenantId + "/devices/" + n + "/deviceId"),
                name,
                os,
                version,
                manufacturer,
                model,
                enabled,
                trustType,
                compliant,
                managed,
                lastSignIn,
                registered);
    }

    private static String code(SplittableRandom random, int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
