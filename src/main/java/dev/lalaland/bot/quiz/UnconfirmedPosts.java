package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.DeliveryException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A post the database waits for (a reveal, a night's final standings) is settled once Discord
 * confirms it or refuses it for good. After a restart, one never settled may or may not be in the
 * channel: it is posted again with its nonce while Discord would drop the repeat
 * ({@link Outbox#mayPostAgain}); an older one is given up rather than risk a double.
 */
final class UnconfirmedPosts {
    private static final Logger log = LoggerFactory.getLogger(UnconfirmedPosts.class);

    private UnconfirmedPosts() {
    }

    /** Runs {@code settle} once {@code post} is delivered or refused for good; a passing failure leaves it waiting. */
    static void settleWhenDone(CompletableFuture<?> post, Runnable settle) {
        post.whenComplete((id, error) -> {
            if (error == null || DeliveryException.isPermanent(error)) {
                settle.run();
            }
        });
    }

    static void postAgainOrGiveUp(Instant firstTried, Instant now, Runnable post, Runnable giveUp, String what) {
        if (Outbox.mayPostAgain(firstTried, now)) {
            post.run();
        } else {
            log.warn("{} may not have been posted before the bot stopped; too late to post again without risking "
                    + "a double", what);
            giveUp.run();
        }
    }
}
