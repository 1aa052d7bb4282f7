package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.Outbox;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart, a post that Discord never confirmed (a reveal, a night's final standings) may
 * or may not be in the channel. It is posted again with its nonce while Discord would drop the
 * repeat ({@link Outbox#mayPostAgain}); an older one is given up rather than risk a double.
 */
final class UnconfirmedPosts {
    private static final Logger log = LoggerFactory.getLogger(UnconfirmedPosts.class);

    private UnconfirmedPosts() {
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
