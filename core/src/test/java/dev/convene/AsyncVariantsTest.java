package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** listAll and findCreated have async variants too, and futures complete on the completion executor when one is given. */
class AsyncVariantsTest {
    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-completions"));
    final SessionService service = ScriptedProvider.builder(name).build();
    final SessionService handingOver = ScriptedProvider.builder(name).completionExecutor(completions).build();

    @AfterEach
    void stop() {
        service.close();
        handingOver.close();
        completions.shutdownNow();
    }

    @Test
    void listAllAsyncCollectsEveryPageOfEveryKind() {
        vendor.pages(List.of(
                List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a"), ScriptedVendor.session(SessionKind.MEETING, "2", "b")),
                List.of(ScriptedVendor.session(SessionKind.MEETING, "3", "c")),
                List.of(ScriptedVendor.session(SessionKind.WEBINAR, "4", "d"))));
        assertThat(service.listAllAsync(ListQuery.all()).join()).extracting(s -> s.id().toString())
                .containsExactly("scripted:meeting:1", "scripted:meeting:2", "scripted:meeting:3", "scripted:webinar:4");
        assertThat(vendor.attempts(Operation.LIST)).isEqualTo(3);
        assertThat(service.listAllAsync(null).join()).hasSize(4);
    }

    @Test
    void listAllAsyncFailsLikeTheStreamDoes() {
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a")))).endlessPages();
        assertThatThrownBy(() -> service.listAllAsync(ListQuery.of(SessionKind.MEETING)).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(VendorUnavailableException.class)
                .hasMessageContaining("leads back to a page already read");
        assertThatThrownBy(() -> service.listAllAsync(ListQuery.of(SessionKind.LIVE_STREAM)).join())
                .hasCauseInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void findCreatedAsyncMatchesTitleAndStart() {
        SessionDraft draft = SessionDraft.builder(SessionKind.MEETING).title("a").start(Instant.parse("2030-01-01T10:00:00Z")).build();
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a"), ScriptedVendor.session(SessionKind.MEETING, "2", "b"))));
        assertThat(service.findCreatedAsync(draft).join()).extracting(s -> s.id().nativeId()).containsExactly("1");
        assertThatThrownBy(() -> service.findCreatedAsync(SessionDraft.builder(SessionKind.MEETING).build()).join())
                .hasCauseInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> service.findCreatedAsync(draft.toBuilder().kind(SessionKind.LIVE_STREAM).build()).join())
                .hasCauseInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void everyFutureCompletesOnTheCompletionExecutor() throws Exception {
        // The executor holds each completion until the test runs it on a thread of its own, so a stage can be
        // attached before the future completes: it must then run on that thread, not on the vendor's or the caller's.
        BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a"))));
        SessionId id = SessionId.of("scripted", SessionKind.MEETING, "7");
        try (SessionService s = ScriptedProvider.builder(name).completionExecutor(held::add).build()) {
            List<Supplier<CompletableFuture<?>>> calls = List.of(
                    () -> s.getAsync(id),
                    () -> s.cancelAsync(id),
                    () -> s.listAsync(ListQuery.all()),
                    () -> s.listAllAsync(ListQuery.all()),
                    () -> s.findCreatedAsync(SessionDraft.builder(SessionKind.MEETING).title("a").start(Instant.parse("2030-01-01T10:00:00Z")).build()),
                    () -> s.checkCredentialsAsync(),
                    () -> s.createAsync(SessionDraft.builder(SessionKind.MEETING).build())); // fails before anything is sent
            for (Supplier<CompletableFuture<?>> call : calls) {
                CompletableFuture<?> f = call.get();
                CompletableFuture<String> stage = f.handle((value, error) -> Thread.currentThread().getName());
                while (!f.isDone()) {
                    Runnable completion = held.poll(10, TimeUnit.SECONDS);
                    assertThat(completion).as("a completion handed to the executor").isNotNull();
                    Thread t = new Thread(completion, "app-completions");
                    t.start();
                    t.join();
                }
                assertThat(stage.get(10, TimeUnit.SECONDS)).isEqualTo("app-completions");
            }
        }
    }

    @Test
    void withoutACompletionExecutorAFutureFailingBeforeAnythingIsSentIsReturnedFailed() {
        CompletableFuture<Session> f = service.createAsync(SessionDraft.builder(SessionKind.MEETING).build());
        assertThat(f).isCompletedExceptionally();
        assertThat(vendor.attempts(Operation.CREATE)).isZero();
    }

    @Test
    void aShutDownCompletionExecutorDoesNotLeaveFuturesHanging() {
        completions.shutdownNow();
        assertThat(handingOver.getAsync(SessionId.of("scripted", SessionKind.MEETING, "7")).orTimeout(10, TimeUnit.SECONDS).join().title())
                .isEqualTo("got");
    }
}
