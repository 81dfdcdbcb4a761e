package dev.entrashell.emulator.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to one emulator, started before the class (on free ports) and closed after
 * it: {@link EmulatorExtension} puts it in the class's static {@code Emulator} fields before any
 * {@code @BeforeAll} method runs, and gives it to any test or lifecycle method with an {@code Emulator}
 * parameter. A class that needs options not named here (a test clock, throttling) starts its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EmulatorExtension.class)
public @interface EmulatorTest {
    /** Users in the demo tenant; the emulator's default when not given. */
    int users() default -1;

    /** Lifetime of the tokens it issues, in seconds; the emulator's default when not given. */
    int tokenLifetimeSeconds() default -1;
}
