package dev.lalaland.bot.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.shard.ShardPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BOT_SHARD_TOTAL and BOT_SHARDS: what each accepts, and that every bad value is named. */
class ShardSettingsTest {
    @TempDir
    Path dir;

    @Test
    void unsetRunsEveryShardDiscordRecommends() {
        ShardPlan plan = SettingsLoader.load(Map.of()).shards();
        assertThat(plan.total()).isEmpty();
        assertThat(plan.ids()).isEmpty();
        assertThat(plan.partial()).isFalse();
        assertThat(plan.runsServer("200000000000000001")).isTrue();
    }

    @Test
    void aTotalAloneRunsEveryShardOfIt() {
        ShardPlan plan = SettingsLoader.load(Map.of("BOT_SHARD_TOTAL", "4")).shards();
        assertThat(plan.total()).hasValue(4);
        assertThat(plan.ids()).isEmpty();
        assertThat(plan.partial()).isFalse();
    }

    @Test
    void aRangeAListOrBoth() {
        assertThat(ids("8", "0-3")).containsExactly(0, 1, 2, 3);
        assertThat(ids("8", "0,2,5")).containsExactly(0, 2, 5);
        assertThat(ids("8", " 5, 0 - 1 ,7 ")).containsExactly(0, 1, 5, 7);
        assertThat(ids("8", "3")).containsExactly(3);
        assertThat(ids("8", "2-2")).containsExactly(2);
        assertThat(ids("4", "1,1,0-1")).containsExactly(0, 1);
    }

    @Test
    void theConfigFileHasKeysForBoth() throws Exception {
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, "shard-total: 6\nshards: 2-3\n");
        ShardPlan plan = SettingsLoader.load(Map.of("BOT_CONFIG", config.toString())).shards();
        assertThat(plan.total()).hasValue(6);
        assertThat(plan.ids()).contains(List.of(2, 3));
        ShardPlan fromEnv = SettingsLoader.load(Map.of("BOT_CONFIG", config.toString(), "BOT_SHARDS", "4,5")).shards();
        assertThat(fromEnv.ids()).contains(List.of(4, 5));
    }

    @Test
    void aProcessRunsTheServersOfItsShardsOnly() {
        ShardPlan plan = SettingsLoader.load(Map.of("BOT_SHARD_TOTAL", "4", "BOT_SHARDS", "0-1")).shards();
        assertThat(plan.partial()).isTrue();
        assertThat(plan.runsServer(serverOnShard(0, 4))).isTrue();
        assertThat(plan.runsServer(serverOnShard(1, 4))).isTrue();
        assertThat(plan.runsServer(serverOnShard(2, 4))).isFalse();
        assertThat(plan.runsServer(serverOnShard(3, 4))).isFalse();
        assertThat(SettingsLoader.load(Map.of("BOT_SHARD_TOTAL", "2", "BOT_SHARDS", "0-1")).shards().partial())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "four", "4.0", "1e3", "0x10", "100001", "99999999999999999999", "4 4", "+4"})
    void aBadTotalIsNamed(String total) {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_SHARD_TOTAL", total)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("BOT_SHARD_TOTAL (config key 'shard-total')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0-", "-3", "3-1", "0-3-5", "a-b", "1,,2", "1,", ",", "0..3", "4", "0-4", "2,9",
            "99999999999", "0-99999999", "1.5", "0x1"})
    void badIdsAreNamed(String ids) {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_SHARD_TOTAL", "4", "BOT_SHARDS", ids)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("BOT_SHARDS (config key 'shards')")
                .hasMessageContaining(ids.strip().isEmpty() ? "" : ids);
    }

    @Test
    void anIdBeyondTheTotalSaysWhichIdsThereAre() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_SHARD_TOTAL", "4", "BOT_SHARDS", "2-5")))
                .hasMessageContaining("shard 5").hasMessageContaining("0 to 3");
    }

    @Test
    void aRangeWithoutTheTotalIsRefused() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_SHARDS", "0-1")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("BOT_SHARDS")
                .hasMessageContaining("BOT_SHARD_TOTAL");
    }

    @Test
    void aBadValueInTheConfigFileIsNamedToo() throws Exception {
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, "shard-total: 4\nshards: 3-0\n");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_CONFIG", config.toString())))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("BOT_SHARDS").hasMessageContaining("backwards");
    }

    private static List<Integer> ids(String total, String ids) {
        return SettingsLoader.load(Map.of("BOT_SHARD_TOTAL", total, "BOT_SHARDS", ids)).shards().ids().orElseThrow();
    }

    /** A server id whose events Discord sends on {@code shard} of {@code total}. */
    static String serverOnShard(int shard, int total) {
        long id = (1L << 55) + ((long) shard << 22);
        assertThat(ShardPlan.shardOf(Long.toString(id), total)).isEqualTo(shard);
        return Long.toString(id);
    }
}
