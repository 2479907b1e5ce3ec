package dev.convene.internal;

import dev.convene.CallCancelledException;
import dev.convene.ConveneException;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.VendorError;
import dev.convene.VendorUnavailableException;
import dev.convene.spi.Exchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks over pages: {@code listAll} (lazily, one page held at a time), {@code listAllAsync} (page after page, each
 * asked for when the one before has come), and {@code findCreated}, which looks again for a while before it
 * answers that a session is not there.
 */
final class Paging {
    /**
     * How many pages in a row a walk takes that hold nothing yet say there is more: a vendor's filter may leave some
     * pages empty (Tencent Meeting's page of 20 narrowed to one kind), but not 20,000 sessions in a row.
     */
    static final int EMPTY_PAGES_IN_A_ROW = 1000;

    /** How long {@code findCreated} waits between two looks. */
    static final Duration LOOK_AGAIN_EVERY = Duration.ofSeconds(2);

    private final String provider;
    private final CallChecks checks;
    private final Attempts attempts;
    private final Function<ListQuery, Listing.Listed> list;
    private final Function<ListQuery, CompletableFuture<Listing.Listed>> listAsync;
    private final Duration settle;

    /**
     * @param list      one page, blocking (the service's {@code list}, so that a closed service refuses the next page)
     * @param listAsync one page, asynchronously
     * @param settle    how long {@code findCreated} keeps looking before it answers empty
     */
    Paging(String provider, CallChecks checks, Attempts attempts, Function<ListQuery, Listing.Listed> list,
           Function<ListQuery, CompletableFuture<Listing.Listed>> listAsync, Duration settle) {
        this.provider = provider;
        this.checks = checks;
        this.attempts = attempts;
        this.list = list;
        this.listAsync = listAsync;
        this.settle = settle;
    }

    Stream<Session> listAll(ListQuery asked) {
        ListQuery query = asked == null ? ListQuery.all() : asked;
        checks.checkList(query);
        Walk walk = new Walk(query);
        Iterator<Session> pages = new Iterator<>() {
            Page<Session> page;
            Iterator<Session> items = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                // Pages are fetched only as the stream is consumed, and only one is held at a time.
                while (!items.hasNext() && (page == null || page.hasNext())) {
                    page = walk.read(list.apply(walk.next(page)));
                    items = page.items().iterator();
                }
                return items.hasNext();
            }

            @Override
            public Session next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
        Supplier<Spliterator<Session>> lazy = () -> Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(lazy, Spliterator.ORDERED | Spliterator.NONNULL, false);
    }

    CompletableFuture<List<Session>> listAllAsync(ListQuery asked) {
        ListQuery query = asked == null ? ListQuery.all() : asked;
        try {
            checks.checkList(query);
        } catch (ConveneException e) {
            return attempts.failed(e);
        }
        CallFuture<List<Session>> result = new CallFuture<>(null);
        collect(new Walk(query), null, new ArrayList<>(), result);
        return result;
    }

    /** The pages after {@code page}, one after another, each asked for when the one before has come. */
    private void collect(Walk walk, Page<Session> page, List<Session> all, CallFuture<List<Session>> result) {
        if (result.givenUp()) {
            return;
        }
        CompletableFuture<Listing.Listed> next;
        try {
            next = listAsync.apply(walk.next(page));
        } catch (RuntimeException e) {
            attempts.finish(result, null, e, false);
            return;
        }
        result.onGiveUp(() -> next.cancel(false));
        next.whenComplete((listed, failure) -> {
            Page<Session> p;
            try {
                if (failure != null) {
                    throw Exchange.unwrap(failure);
                }
                p = walk.read(listed);
            } catch (Throwable t) {
                attempts.finish(result, null, t, false);
                return;
            }
            all.addAll(p.items());
            if (p.hasNext()) {
                collect(walk, p, all, result);
            } else {
                attempts.finish(result, List.copyOf(all), null, false);
            }
        });
    }

    List<Session> findCreated(SessionDraft draft) {
        SessionDraft d = checks.normalize(draft);
        ListQuery query = checks.findQuery(d);
        for (int look = 1; ; look++) {
            List<Session> found;
            try (Stream<Session> all = listAll(query)) {
                found = all.filter(same(d)).toList();
            }
            if (!found.isEmpty() || look > looksAgain()) {
                return found;
            }
            try {
                attempts.waitFor(LOOK_AGAIN_EVERY).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallCancelledException("interrupted while waiting to look for the session again", e);
            } catch (ExecutionException e) {
                throw Attempts.waitFailed(e.getCause());
            }
        }
    }

    CompletableFuture<List<Session>> findCreatedAsync(SessionDraft draft) {
        SessionDraft d;
        ListQuery query;
        try {
            d = checks.normalize(draft);
            query = checks.findQuery(d);
        } catch (ConveneException e) {
            return attempts.failed(e);
        }
        CallFuture<List<Session>> result = new CallFuture<>(null);
        look(query, same(d), 1, result);
        return result;
    }

    private void look(ListQuery query, Predicate<Session> same, int look, CallFuture<List<Session>> result) {
        if (result.givenUp()) {
            return;
        }
        CompletableFuture<List<Session>> walk = listAllAsync(query);
        result.onGiveUp(() -> walk.cancel(false));
        walk.whenComplete((all, failure) -> {
            if (failure != null) {
                attempts.finish(result, null, Exchange.unwrap(failure), false);
                return;
            }
            List<Session> found = all.stream().filter(same).toList();
            if (!found.isEmpty() || look > looksAgain()) {
                attempts.finish(result, found, null, false);
                return;
            }
            attempts.waitFor(LOOK_AGAIN_EVERY).whenCompleteAsync((ignored, waitFailure) -> {
                if (waitFailure != null) {
                    attempts.finish(result, null, Attempts.waitFailed(waitFailure), false);
                } else {
                    look(query, same, look + 1, result);
                }
            });
        });
    }

    /** How many times findCreated looks again after an empty look: the settle time in {@link #LOOK_AGAIN_EVERY}s, rounded up. */
    private int looksAgain() {
        if (settle.isZero() || settle.isNegative()) {
            return 0;
        }
        long every = LOOK_AGAIN_EVERY.toMillis();
        return (int) Math.min(1000, (settle.toMillis() + every - 1) / every);
    }

    private static Predicate<Session> same(SessionDraft d) {
        return s -> s.title().equals(d.title()) && s.start().getEpochSecond() == d.start().getEpochSecond();
    }

    /**
     * Where a walk over every page goes next, refusing a vendor whose next-page cursor leads back to a page
     * already read: that listing would be walked for ever.
     */
    private final class Walk {
        private final ListQuery query;
        private final Set<String> walked = new HashSet<>();
        /** Pages in a row that held nothing yet said there was more. */
        private int emptyInARow;

        Walk(ListQuery query) {
            this.query = query;
            if (query.cursor() != null) {
                walked.add(query.cursor());
            }
        }

        /**
         * The page read, refusing a vendor that keeps answering empty pages with a fresh cursor each (its cursors never
         * repeat, so only their number can tell): more than {@link #EMPTY_PAGES_IN_A_ROW} in a row end the walk.
         */
        Page<Session> read(Listing.Listed listed) {
            emptyInARow = listed.emptyWithMore() ? emptyInARow + 1 : 0;
            if (emptyInARow > EMPTY_PAGES_IN_A_ROW) {
                throw new VendorUnavailableException(new VendorError(provider, 0, "",
                        "the vendor's listing keeps answering empty pages that say there is more (" + emptyInARow
                                + " in a row, after " + walked.size() + " pages); stopped rather than walk on for ever", null, null), null);
            }
            return listed.page();
        }

        /** The query of the page after {@code page} ({@code null}: the first). */
        ListQuery next(Page<Session> page) {
            if (page == null) {
                return query;
            }
            if (!walked.add(page.nextCursor())) {
                throw new VendorUnavailableException(new VendorError(provider, 0, "",
                        "the vendor's listing leads back to a page already read (its next-page cursor repeats); stopped after "
                                + walked.size() + " pages", null, null), null);
            }
            return query.withCursor(page.nextCursor());
        }
    }
}
