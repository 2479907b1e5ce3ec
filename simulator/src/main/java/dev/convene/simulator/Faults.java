package dev.convene.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The fault switchboard of one simulator. Scripted faults are consumed in the order they were
 * injected by the first request whose operation matches; a random rule (for soaks) applies only
 * when no scripted fault matched.
 */
public final class Faults {
    private final Deque<Rule> scripted = new ArrayDeque<>();
    private RandomRule random;

    /** The next {@code times} requests of the given operations (any operation but TOKEN when none given) get {@code fault}. */
    public synchronized Faults inject(Fault fault, int times, Operation... on) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        scripted.add(new Rule(fault, operations(on), times));
        return this;
    }

    public Faults inject(FaultKind kind, int times, Operation... on) {
        return inject(Fault.of(kind), times, on);
    }

    /** Each matching request gets one of {@code choices} with the given probability, drawn from a seeded generator. */
    public synchronized Faults randomly(double probability, long seed, List<Fault> choices, Operation... on) {
        if (probability < 0 || probability > 1 || choices.isEmpty()) {
            throw new IllegalArgumentException("probability must be within [0,1] and choices non-empty");
        }
        random = new RandomRule(probability, new Random(seed), List.copyOf(choices), operations(on));
        return this;
    }

    public synchronized void clear() {
        scripted.clear();
        random = null;
    }

    /** How many scripted faults are still waiting for a request. */
    public synchronized int pending() {
        return scripted.stream().mapToInt(r -> r.remaining).sum();
    }

    synchronized Optional<Fault> take(Operation operation) {
        for (Iterator<Rule> it = scripted.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.on.contains(operation)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        if (random != null && random.on.contains(operation) && random.rng.nextDouble() < random.probability) {
            return Optional.of(random.choices.get(random.rng.nextInt(random.choices.size())));
        }
        return Optional.empty();
    }

    private static Set<Operation> operations(Operation[] on) {
        if (on.length == 0) {
            Set<Operation> all = EnumSet.allOf(Operation.class);
            all.remove(Operation.TOKEN);
            return all;
        }
        return EnumSet.copyOf(List.of(on));
    }

    private static final class Rule {
        final Fault fault;
        final Set<Operation> on;
        int remaining;

        Rule(Fault fault, Set<Operation> on, int remaining) {
            this.fault = fault;
            this.on = on;
            this.remaining = remaining;
        }
    }

    private record RandomRule(double probability, Random rng, List<Fault> choices, Set<Operation> on) {
        RandomRule {
            on = EnumSet.copyOf(on);
            choices = new ArrayList<>(choices);
        }
    }
}
