package dev.entrashell.session;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the shell: MSAL4J (and the Graph SDK) log only through SLF4J, and with
 * {@code --debug} their events belong on the debug channel, through the redactor like everything else
 * there. Silent until {@link #attach} is called, so a run without {@code --debug} formats nothing.
 * Found by SLF4J through {@code META-INF/services}.
 */
public final class DebugLogProvider implements SLF4JServiceProvider {
    private final DebugLoggers loggers = new DebugLoggers();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Sends the libraries' log events to {@code diagnostics} (when SLF4J is bound to this provider). */
    public static void attach(Diagnostics diagnostics) {
        if (LoggerFactory.getILoggerFactory() instanceof DebugLoggers loggers) {
            loggers.attach(diagnostics);
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}
}
