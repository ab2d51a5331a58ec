package dk.beskplan.platform.documents;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PDFs are rendered in few slots with a short queue and a time budget: when all are taken, or a render overruns its
 * budget, the request is refused at once (503, Retry-After) instead of piling up work on the server.
 */
class RenderSlotsTest {
    private static final String HTML = "<html><body><p>Beskæftigelsesplan</p></body></html>";

    @Test
    void whenEverySlotAndTheQueueAreTakenAPdfIsRefusedAtOnce() throws Exception {
        DocumentRenderer renderer = new DocumentRenderer(new TemplateEngine(), 1, 1, Duration.ofMinutes(5));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                callers.submit(() -> renderer.inSlot(() -> {
                    release.await();
                    return null;
                }));
            }
            while (renderer.busy() < 2) {
                Thread.onSpinWait(); // the two slow renders: one running, one queued
            }
            assertThatThrownBy(() -> renderer.pdf(HTML)).isInstanceOf(RenderBusy.class)
                    .satisfies(e -> assertThat(((RenderBusy) e).retryAfterSeconds()).isPositive());
        } finally {
            release.countDown();
            callers.shutdown();
        }
        while (renderer.busy() > 0) {
            Thread.onSpinWait();
        }
        assertThat(new String(renderer.pdf(HTML), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aRenderOverItsBudgetIsAnsweredAndDroppedIfItHasNotStarted() {
        DocumentRenderer renderer = new DocumentRenderer(new TemplateEngine(), 1, 4, Duration.ofMillis(200));
        CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> renderer.inSlot(() -> {
            never.await();
            return null;
        })).isInstanceOf(RenderBusy.class).hasMessageContaining("inden for");
        never.countDown();
    }

    /** A heap too small for a document is a 503 naming the cause, not a 500; the slot is free again afterwards. */
    @Test
    void aRenderThatRunsOutOfMemoryIsAnsweredAsBusyAndTheSlotServesTheNext() {
        DocumentRenderer renderer = new DocumentRenderer(new TemplateEngine(), 1, 1, Duration.ofMinutes(1));
        assertThatThrownBy(() -> renderer.inSlot(() -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOfSatisfying(RenderBusy.class, busy -> {
            assertThat(busy.outOfMemory()).isTrue();
            assertThat(busy.getMessage()).contains("hukommelse");
        });
        assertThat(new String(renderer.pdf(HTML), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aFrozenDocumentIsRenderedOnceHoweverOftenItIsAskedFor() {
        DocumentRenderer renderer = new DocumentRenderer(new TemplateEngine(), 2, 8, Duration.ofMinutes(1));
        AtomicInteger renders = new AtomicInteger();
        byte[][] store = new byte[1][];
        for (int i = 0; i < 5; i++) {
            byte[] pdf = renderer.pdfOnce("plan:1", () -> java.util.Optional.ofNullable(store[0]), () -> {
                renders.incrementAndGet();
                return HTML;
            }, bytes -> store[0] = bytes);
            assertThat(pdf).isEqualTo(store[0]);
        }
        assertThat(renders).hasValue(1);
    }
}
