package dev.lalaland.bot.quiz;

import dev.lalaland.bot.routine.Routine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the leases of this process's quiz nights (see {@link NightLease}): every
 * {@link NightLease#renewEvery} it renews all of them in one UPDATE, lets go of the timers of any
 * night another process has taken, and takes over the nights whose lease has run out: at once
 * for the servers on its own shards, {@link NightLease#othersWait} later for any other (unless it
 * may stand in for none: console mode). On a clean stop it gives its leases up, so that its
 * restart, or another process, carries on without waiting for them to run out.
 */
final class NightLeases implements Routine {
    private final QuizStore store;
    private final QuizNights nights;
    private final NightLease lease;
    private final Clock clock;
    private final boolean standInForOthers;
    private Set<Long> owned = Set.of();

    NightLeases(QuizStore store, QuizNights nights, NightLease lease, Clock clock, boolean standInForOthers) {
        this.store = store;
        this.nights = nights;
        this.lease = lease;
        this.clock = clock;
        this.standInForOthers = standInForOthers;
    }

    @Override
    public String name() {
        return "quiz night leases";
    }

    @Override
    public Optional<Instant> runOnce(Instant now) {
        Set<Long> renewed = store.renewLeases(now.plus(lease.length()));
        for (long nightId : owned) {
            if (!renewed.contains(nightId)) {
                nights.lost(nightId);
            }
        }
        Set<Long> nowOwned = new HashSet<>(renewed);
        Optional<Instant> othersLapsedBefore = standInForOthers ? Optional.of(now.minus(lease.othersWait()))
                : Optional.empty();
        for (long nightId : store.takeOverLapsed(now, othersLapsedBefore)) {
            nowOwned.add(nightId);
            nights.takeOver(nightId);
        }
        owned = nowOwned;
        return Optional.of(now.plus(lease.renewEvery()));
    }

    @Override
    public Optional<Instant> afterFailure(Instant now) {
        return Optional.of(now.plus(lease.renewEvery()));
    }

    /** The timers are stopped by now: nothing of this process will touch its nights again. */
    @Override
    public void stop(Duration within) {
        store.releaseLeases(clock.instant().minusMillis(1));
    }
}
