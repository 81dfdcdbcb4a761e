package dev.entrashell.emulator.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;

/**
 * Starts one emulator per test class marked {@link EmulatorTest}, with the options it names, and closes
 * it after the class's own {@code @AfterAll} methods have run.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        EmulatorTest wanted = AnnotationSupport.findAnnotation(testClass, EmulatorTest.class)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not marked @EmulatorTest"));
        EmulatorOptions options = EmulatorOptions.defaults();
        if (wanted.users() >= 0) {
            options = options.withUserCount(wanted.users());
        }
        if (wanted.tokenLifetimeSeconds() >= 0) {
            options = options.withTokenLifetime(Duration.ofSeconds(wanted.tokenLifetimeSeconds()));
        }
        Emulator emulator = Emulator.start(options);
        context.getStore(NAMESPACE).put(Emulator.class, emulator);
        for (Field field : testClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Emulator.class) {
                field.setAccessible(true);
                field.set(null, emulator);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Emulator emulator = context.getStore(NAMESPACE).remove(Emulator.class, Emulator.class);
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Emulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Emulator.class, Emulator.class);
    }
}
