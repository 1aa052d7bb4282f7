package dev.lalaland.bot.testing;

/**
 * A gateway session as the fake sees it (a snapshot).
 *
 * @param intents   what the client asked for in IDENTIFY
 * @param connected whether a socket is attached right now
 * @param resumes   how often the client RESUMEd this session after a disconnect
 * @param lastSeq   sequence number of the last event sent
 */
public record GatewaySession(
        String sessionId, int shardId, int shardCount, int intents, boolean connected, int resumes, int lastSeq) {}
