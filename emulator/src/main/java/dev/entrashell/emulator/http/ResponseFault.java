package dev.entrashell.emulator.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A way a server misbehaves on purpose, so that a client's defences can be tested against the real
 * wire: it may replace the answer a handler gave, and it writes the body. Set on a running emulator
 * (see {@code Emulator.setGraphFault}); {@link #NONE} is a server that behaves.
 */
public interface ResponseFault {
    ResponseFault NONE = new ResponseFault() {};

    /**
     * The answer to send for {@code request}: by default what the server's handler answers ({@code
     * serve}); a fault may change that answer, or answer without serving the request at all.
     */
    default ServerResponse answer(ServerRequest request, RequestHandler serve) {
        return serve.handle(request);
    }

    /** Writes the whole body, which the headers announced with its length. */
    default void writeBody(OutputStream out, byte[] body) throws IOException {
        out.write(body);
    }
}
