package dk.beskplan.platform.testing;

import dk.beskplan.platform.messaging.ClockFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock as a test input: a real {@link Clock} whose time the test sets and moves forward (a plan
 * year in one run), instead of waiting for it or mocking what reads it. A test application gets it instead of the
 * system clock with {@code beskplan.test.settable-clock=true}; {@code app.bean(SettableClock.class)} then sets the day.
 * Everything that asks the application's clock (sessions, reminders, the validation of dates, the outbox's
 * timestamps) sees the same moment.
 */
public final class SettableClock extends Clock {
    public static final String PROPERTY = "beskplan.test.settable-clock";
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    /** Noon, Danish time, on {@code day}: the middle of a working day. */
    public SettableClock setDay(LocalDate day) {
        now = day.atTime(LocalTime.NOON).atZone(DANISH_TIME).toInstant();
        return this;
    }

    public SettableClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, DANISH_TIME);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // A view in another zone that follows this clock as it is moved.
        SettableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Replaces the system clock in a test application that asks for it. */
    @Factory
    @Requires(property = PROPERTY, value = "true")
    public static class Replacement {
        @Singleton
        @Replaces(factory = ClockFactory.class, bean = Clock.class)
        SettableClock settableClock() {
            return new SettableClock(Instant.now());
        }
    }
}
