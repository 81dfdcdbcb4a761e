package dev.entrashell.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The start-up archive that the launchers train in the background at a first start (launch.sh): a
 * {@code .jsa} (JDK 17 to 24) or {@code .aot} (JDK 25+) file in the cache folder, and a {@code .training}
 * file holding its process id while the training runs.
 */
final class StartupArchive {
    private StartupArchive() {}

    /**
     * Waits (up to 4 minutes) until no training runs in {@code cache}; returns the archive there, or null.
     * No polling: a training's last step removes its marker (after moving the archive into place), so the
     * wait is for that deletion, seen by a watch on the folder registered before the first look.
     */
    static Path awaitTraining(Path cache) throws IOException, InterruptedException {
        if (!Files.isDirectory(cache)) {
            return null;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        try (WatchService watcher = cache.getFileSystem().newWatchService()) {
            cache.register(watcher, StandardWatchEventKinds.ENTRY_DELETE);
            while (trainingRuns(cache)) {
                WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key == null) {
                    throw new AssertionError("the start-up training in " + cache + " did not end within 4 minutes");
                }
                key.pollEvents();
                key.reset();
            }
        }
        // the launcher's names (entra-shell-VERSION-ID.jsa): a build folder may still hold an
        // archive an older launcher wrote under another name, which no start maps any more
        return names(cache).stream()
                .filter(name -> name.startsWith("entra-shell-"))
                .filter(name -> name.endsWith(".jsa") || name.endsWith(".aot"))
                .findFirst()
                .map(cache::resolve)
                .orElse(null);
    }

    private static boolean trainingRuns(Path cache) throws IOException {
        return names(cache).stream()
                .filter(name -> name.endsWith(".training"))
                .anyMatch(name -> running(cache.resolve(name)));
    }

    /** Removes the archives and what a training leaves, so that the next start trains again. */
    static void delete(Path cache) throws IOException {
        for (String name : names(cache)) {
            if (name.startsWith("entra-shell-") && (name.contains(".jsa") || name.contains(".aot"))) {
                Files.delete(cache.resolve(name));
            }
        }
    }

    /** The file holds the training's process id; one that was killed leaves it behind. */
    private static boolean running(Path marker) {
        try {
            long pid = Long.parseLong(Files.readString(marker).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException gone) {
            return false; // removed, or left by a training that was killed
        }
    }

    private static List<String> names(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
