/**
 * A fake Discord for tests and benchmarks of the bot, spoken to by an unmodified JDA 6.5.0.
 *
 * <ul>
 *   <li>{@link dev.lalaland.bot.testing.FakeDiscord}: REST + gateway on 127.0.0.1; inject
 *       interactions, inspect requests and messages, inject failures.
 *   <li>{@link dev.lalaland.bot.testing.FakeGuild}: the guild model ({@code standard()} has the
 *       ids most tests use).
 *   <li>{@link dev.lalaland.bot.testing.InteractionHandle} / {@link dev.lalaland.bot.testing.InteractionCallback}:
 *       one injected interaction and the bot's answer, with latency.
 *   <li>Modals: a type 9 callback is checked against Discord's limits (labels holding text inputs or
 *       string selects), and {@link dev.lalaland.bot.testing.FakeDiscord#submitModal} sends it back
 *       filled in, as the MODAL_SUBMIT interaction (type 5) JDA parses.
 *   <li>{@link dev.lalaland.bot.testing.InteractionBurst}: many interactions from several threads, paced.
 *   <li>{@link dev.lalaland.bot.testing.FakeDiscordMain}: the fake as a process with an HTTP control API.
 *   <li>{@link dev.lalaland.bot.testing.FloorBot}: the fastest possible JDA bot, a latency baseline.
 * </ul>
 *
 * <p>Pointing JDA at the fake: {@code setRestConfig(new RestConfig().setBaseUrl(fake.restUrl()))}
 * and a {@code SessionControllerAdapter} (or, for shard managers, {@code ConcurrentSessionController})
 * whose {@code getGateway()} returns {@code fake.gatewayUrl()}.
 */
package dev.lalaland.bot.testing;
