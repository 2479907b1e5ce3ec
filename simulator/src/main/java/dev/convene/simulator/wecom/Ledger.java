package dev.convene.simulator.wecom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * What one API family holds, in creation order, each entry owned by the app that created it. An app
 * asking about another app's entry gets the same answer as for an id that never existed: the spec
 * (§2, §3, §4) says calls only see what the calling app created, and documents no code for either case,
 * so both use the configured unknown-id code.
 */
final class Ledger<T extends Ledger.Owned> {
    interface Owned {
        WeComTokens.App owner();
    }

    private final Map<String, T> entries = new LinkedHashMap<>();
    private final int unknownIdErrcode;
    private final Random random;
    private final String idPrefix;

    Ledger(int unknownIdErrcode, Random random, String idPrefix) {
        this.unknownIdErrcode = unknownIdErrcode;
        this.random = random;
        this.idPrefix = idPrefix;
    }

    String newId() {
        String id;
        do {
            StringBuilder sb = new StringBuilder(idPrefix);
            for (int i = 0; i < 22; i++) {
                sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(62)));
            }
            id = sb.toString();
        } while (entries.containsKey(id));
        return id;
    }

    /** A nine-digit join code, as WeCom meetings and webinars show them. */
    String newCode() {
        return Integer.toString(100_000_000 + random.nextInt(900_000_000));
    }

    void put(String id, T entry) {
        entries.put(id, entry);
    }

    T owned(String id, WeComTokens.App app, String field) {
        T entry = entries.get(id);
        if (entry == null || entry.owner() != app) {
            throw new WeComError(unknownIdErrcode, "invalid " + field + ": " + id);
        }
        return entry;
    }

    List<String> ids(Predicate<T> test) {
        List<String> out = new ArrayList<>();
        entries.forEach((id, e) -> {
            if (test.test(e)) {
                out.add(id);
            }
        });
        return out;
    }

    Map<String, T> all() {
        return entries;
    }
}
