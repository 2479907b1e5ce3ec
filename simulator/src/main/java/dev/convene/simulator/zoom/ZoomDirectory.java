package dev.convene.simulator.zoom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts and users the fake knows. The S2S app belongs to the primary ("master") account, which
 * owns the seed's sub-account (seed 004's webinar host {@code jchill@example.com}); a third account
 * belongs to somebody else, so "wrong account" answers can be provoked (spec §3.7).
 */
final class ZoomDirectory {
    record Account(String id, String name, String parentId) {
    }

    /**
     * @param webinarPlan without the webinar add-on every webinar endpoint answers 400 / 200 (spec §3.1)
     * @param canHost     without hosting rights meeting endpoints answer 400 / 3161 (spec §4.1)
     */
    record User(String id, String email, String accountId, String timezone, boolean webinarPlan, boolean canHost,
                long pmi, boolean owner) {
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<User> users;

    ZoomDirectory() {
        for (Account a : List.of(
                new Account(ZoomSimulator.PRIMARY_ACCOUNT_ID, "Convene primary account", null),
                new Account(ZoomSimulator.SEED_ACCOUNT_ID, "Seed sub-account (seed 004)", ZoomSimulator.PRIMARY_ACCOUNT_ID),
                new Account(ZoomSimulator.FOREIGN_ACCOUNT_ID, "Somebody else's account", null))) {
            accounts.put(a.id(), a);
        }
        users = List.of(
                new User(ZoomSimulator.OWNER_ID, ZoomSimulator.OWNER_EMAIL, ZoomSimulator.PRIMARY_ACCOUNT_ID, "America/New_York", true, true, 5550001001L, true),
                new User("Hs2cT9mVR4ewq1Lp0ZxYbA", ZoomSimulator.SECOND_HOST_EMAIL, ZoomSimulator.PRIMARY_ACCOUNT_ID, "Europe/Berlin", true, true, 5550001002L, false),
                new User("Nw0bN1aPT6ryLx3Qz5KsUg", ZoomSimulator.NO_WEBINAR_PLAN_EMAIL, ZoomSimulator.PRIMARY_ACCOUNT_ID, "UTC", false, true, 5550001003L, false),
                new User("Nh8oS7tHQ2bkPe4Wv9JdMc", ZoomSimulator.CANNOT_HOST_EMAIL, ZoomSimulator.PRIMARY_ACCOUNT_ID, "UTC", true, false, 5550001004L, false),
                // seed 004: host_id and host_email of the example webinar, and the interpreter it names
                new User(ZoomSimulator.SEED_HOST_ID, ZoomSimulator.SEED_HOST_EMAIL, ZoomSimulator.SEED_ACCOUNT_ID, "America/Los_Angeles", true, true, 5550002001L, true),
                new User("In7tRp3eTQk2Sw9Xa4LmNb", "interpreter@example.com", ZoomSimulator.SEED_ACCOUNT_ID, "America/Los_Angeles", true, true, 5550002002L, false),
                new User("Sb2hO5sTQe8nVw1Yc7KpRa", ZoomSimulator.SUB_ACCOUNT_HOST_EMAIL, ZoomSimulator.SEED_ACCOUNT_ID, "America/Los_Angeles", true, true, 5550002003L, false),
                new User("Fo4rE1gNQ8hsUj2Kw6TyVd", "stranger@elsewhere.example", ZoomSimulator.FOREIGN_ACCOUNT_ID, "Asia/Tokyo", true, true, 5550003001L, true));
    }

    Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /** A user by id or e-mail (case-insensitive), in any account. */
    Optional<User> user(String idOrEmail) {
        String key = idOrEmail.toLowerCase(Locale.ROOT);
        return users.stream().filter(u -> u.id().equals(idOrEmail) || u.email().equalsIgnoreCase(key)).findFirst();
    }

    Optional<User> userById(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** Who {@code me} is inside an account: its owner (the S2S app is installed by the owner). */
    User owner(String accountId) {
        return users.stream().filter(u -> u.owner() && u.accountId().equals(accountId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("account without owner: " + accountId));
    }

    List<User> users() {
        return users;
    }
}
