package dev.entrashell.session;

import java.util.Locale;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * SLF4J loggers that write to the {@code --debug} channel once {@link #attach attached}: MSAL4J's events
 * from DEBUG up (what it did, and why a token request failed), other libraries' from INFO up.
 */
final class DebugLoggers implements ILoggerFactory {
    private volatile Diagnostics diagnostics;

    void attach(Diagnostics diagnostics) {
        this.diagnostics = diagnostics.enabled() ? diagnostics : null;
    }

    @Override
    public Logger getLogger(String name) {
        return new DebugLogger(name, this);
    }

    private static final class DebugLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient DebugLoggers loggers;
        private final Level threshold;
        private final String label;

        DebugLogger(String name, DebugLoggers loggers) {
            this.name = name;
            this.loggers = loggers;
            this.threshold = name.startsWith("com.microsoft.aad.msal4j") ? Level.DEBUG : Level.INFO;
            this.label = name.substring(name.lastIndexOf('.') + 1);
        }

        private boolean enabled(Level level) {
            return loggers.diagnostics != null && level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            Diagnostics target = loggers.diagnostics;
            if (target == null || !enabled(level)) {
                return;
            }
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            target.log(label + " " + level.name().toLowerCase(Locale.ROOT) + ": " + message
                    + (throwable == null ? "" : " (" + throwable + ")"));
        }
    }
}
