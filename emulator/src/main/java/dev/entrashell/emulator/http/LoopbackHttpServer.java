package dev.entrashell.emulator.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * One JDK plain-HTTP server bound to 127.0.0.1 only. For the managed identity endpoints, which are
 * plain HTTP on a link-local or loopback address in Azure too (IMDS at 169.254.169.254, App
 * Service's local token service), and which clients therefore reach over {@code http://}.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Binds the port at once; {@link #serve} starts answering. */
    public static LoopbackHttpServer bind(String name, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback(), port), 64);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            // Daemon threads, as for the HTTPS servers: a test that forgets close() can still exit.
            Thread thread = new Thread(runnable, "entra-emulator-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        return new LoopbackHttpServer(server, executor);
    }

    public void serve(ServingHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
