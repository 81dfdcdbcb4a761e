package dev.entrashell.emulator.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * One JDK server bound to 127.0.0.1 only, so the emulator is never reachable from another host:
 * HTTPS for the login and Graph endpoints, plain HTTP for the managed identity endpoints (plain HTTP
 * on a link-local or loopback address in Azure too: IMDS, App Service's local token service).
 */
public final class LoopbackServer implements AutoCloseable {
    private static final InetAddress LOOPBACK = loopback();

    static {
        // The JDK server leaves Nagle's algorithm on; with delayed ACKs that stalls every response
        // of more than one TLS record by tens of milliseconds. Read once, when the JDK's server
        // configuration loads: set it before the first server is made, unless the user chose.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackServer(HttpServer server, String scheme, String name, int threads) {
        this.server = server;
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads("entra-emulator-" + name));
        server.setExecutor(executor);
        this.baseUri = URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * An HTTPS server; binds the port at once (so the address is known before handlers that need it
     * are built); {@link #serve} starts answering.
     */
    public static LoopbackServer https(String name, int port, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(LOOPBACK, port), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new LoopbackServer(server, "https", name, 8);
    }

    /** A plain-HTTP server, bound at once like {@link #https}. */
    public static LoopbackServer http(String name, int port) throws IOException {
        return new LoopbackServer(HttpServer.create(new InetSocketAddress(LOOPBACK, port), 64), "http", name, 4);
    }

    public void serve(ServingHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    /** {@code https://127.0.0.1:PORT} (or http), without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** Idempotent: a shutdown hook and an explicit close may both call it. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // Literally 127.0.0.1: the certificate names this address, and ::1 would not match it.
    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // Daemon threads: a test or a demo shell that forgets close() must still be able to exit.
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
