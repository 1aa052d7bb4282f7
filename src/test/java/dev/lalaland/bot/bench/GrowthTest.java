package dev.lalaland.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The growth benchmark's arithmetic, its record of measurements, and its charts (the runs themselves are bench/growth.sh). */
class GrowthTest {
    @TempDir
    Path dir;

    @Test
    void theSpreadOfRunsIsTheirMedianLowestAndHighest() {
        assertThat(Spread.of(3, 1, 2)).isEqualTo(new Spread(2, 1, 3, 3));
        assertThat(Spread.of(4, 1, 3, 2)).isEqualTo(new Spread(2.5, 1, 4, 4));
        assertThat(Spread.of(7)).isEqualTo(new Spread(7, 7, 7, 1));
        assertThat(Spread.of(1000, 3000).scaled(1 / 1000.0)).isEqualTo(new Spread(2, 1, 3, 2));
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSlopeIsPerThousandServers() {
        // 100 MiB plus 9 MiB per 1,000 servers, measured exactly.
        List<double[]> exact = List.of(new double[] {1000, 109}, new double[] {10000, 190}, new double[] {50000, 550});
        assertThat(GrowthMath.slopePerThousand(exact)).isCloseTo(9.0, within(1e-9));
        // Least squares through points off the line: the slope of the best fit, not of the ends.
        List<double[]> noisy = List.of(new double[] {0, 0}, new double[] {1000, 2}, new double[] {2000, 1});
        assertThat(GrowthMath.slopePerThousand(noisy)).isCloseTo(0.5, within(1e-9));
        assertThatThrownBy(() -> GrowthMath.slopePerThousand(List.<double[]>of(new double[] {1, 1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrowthMath.slopePerThousand(List.of(new double[] {1, 1}, new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRatioIsToPostsOverTheGlobalLimit() {
        assertThat(GrowthMath.physicalLimit(10_000, 50)).isEqualTo(Duration.ofSeconds(200));
        assertThat(GrowthMath.physicalLimit(50_000, 50)).isEqualTo(Duration.ofSeconds(1000));
        assertThat(GrowthMath.ratioToLimit(Duration.ofSeconds(200), 10_000, 50)).isEqualTo(1.0);
        // At the bot's own pace of 30 a second: 5/3 of the least time.
        assertThat(GrowthMath.ratioToLimit(Duration.ofMillis(333_333), 10_000, 50)).isCloseTo(5 / 3.0, within(1e-5));
    }

    @Test
    void shardsAreOnePerThousandServersAsDiscordRecommends() {
        assertThat(GrowthMath.recommendedShards(1, 1000)).isEqualTo(1);
        assertThat(GrowthMath.recommendedShards(1000, 1000)).isEqualTo(1);
        assertThat(GrowthMath.recommendedShards(1001, 1000)).isEqualTo(2);
        assertThat(GrowthMath.recommendedShards(50_000, 1000)).isEqualTo(50);
    }

    @Test
    void residentMemoryIsReadFromProcStatus() {
        String status = """
                Name:\tjava
                VmPeak:\t 3000000 kB
                VmHWM:\t  140000 kB
                VmRSS:\t  131072 kB
                RssAnon:\t  100000 kB
                """;
        assertThat(BotProcess.vmRssBytes(status)).isEqualTo(131072L * 1024);
        assertThatThrownBy(() -> BotProcess.vmRssBytes("Name:\tjava\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BotProcess.vmRssBytes("VmRSS:\t 12 MB\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeapCapIsReadAndReplacedInTheFlags() {
        JvmFlags image = JvmFlags.of(JvmFlags.IMAGE_DEFAULT, "test");
        assertThat(image.maxHeapMib()).isEqualTo(128);
        JvmFlags bigger = image.withMaxHeapMib(512);
        assertThat(bigger.maxHeapMib()).isEqualTo(512);
        assertThat(bigger.flags()).containsOnlyOnce("-Xmx512m").doesNotContain("-Xmx128m").contains("-Xms32m");
        assertThat(JvmFlags.of("-Xmx2g", "test").maxHeapMib()).isEqualTo(2048);
        assertThat(JvmFlags.of("-XX:+UseSerialGC", "test").maxHeapMib()).isZero();
    }

    @Test
    void measurementsSurviveTheirFileAndMakeTheReport() throws Exception {
        Path tsv = dir.resolve("growth.tsv");
        GrowthResults.Startup a = new GrowthResults.Startup(1000, 1, 128, 1, 1500, 2500, 130L << 20, 128L << 20,
                40L << 20, 21L << 20, 28L << 20, "1.05", "2026-12-02 17:00 UTC");
        GrowthResults.Startup b = new GrowthResults.Startup(10000, 10, 256, 1, 4000, 9000, 230L << 20, 220L << 20,
                120L << 20, 100L << 20, 28L << 20, "1.20", "2026-12-02 17:05 UTC");
        GrowthResults.Posts p = new GrowthResults.Posts(10000, 10, 256, 50, 340_000, 1200, 0, 240L << 20, "0.90",
                "2026-12-02 17:20 UTC");
        GrowthResults.OutOfMemory oom = new GrowthResults.OutOfMemory(10000, 128, "startup", "2026-12-02 17:03 UTC");
        for (String line : List.of(a.line(), oom.line(), b.line(), p.line())) {
            GrowthResults.append(tsv, line);
        }
        GrowthResults read = GrowthResults.read(tsv);
        assertThat(read.startups).containsExactly(a, b);
        assertThat(read.posts).containsExactly(p);
        assertThat(read.outOfMemory).containsExactly(oom);
        assertThat(p.ratio()).isCloseTo(1.7, within(1e-9));

        Path md = dir.resolve("growth.md");
        GrowthReport.write(read, md, dir.resolve("images"), "--runs 1", JvmFlags.of(JvmFlags.IMAGE_DEFAULT, "test"));
        String report = Files.readString(md);
        assertThat(report).contains("| 10,000 | 10 | -Xmx256m | 1 | 4.0 s (4.0-4.0) | 9.0 s (9.0-9.0) |")
                .contains("| 10,000 | -Xmx128m | startup |")
                .contains("| 10,000 | 10 | -Xmx256m | 50/s | 1.2 s | 340 s (5.7 min) | 200 s | 1.70 | 333 s | 0 |")
                // (220 - 128) MiB over 9,000 servers for RSS, (100 - 21) MiB for the live heap, 2.5 s for start-up.
                .contains("RSS after a full GC +10.2 MiB, live heap +8.8 MiB, start-up +0.28 s");
        for (String chart : List.of(GrowthReport.MEMORY_CHART, GrowthReport.STARTUP_CHART, GrowthReport.POSTS_CHART)) {
            BufferedImage image = ImageIO.read(dir.resolve("images").resolve(chart).toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).isEqualTo(GrowthReport.WIDTH);
            assertThat(image.getHeight()).isEqualTo(GrowthReport.HEIGHT);
        }
    }

    @Test
    void aChartIsAPngOfTheGivenSizeWithItsLinesDrawn() throws Exception {
        Path file = dir.resolve("sub").resolve("chart.png");
        new LineChart("title", "servers (thousands)", "MiB")
                .add(new LineChart.Series("measured", java.awt.Color.BLUE, false, List.of(
                        new LineChart.Point(1, 100, 90, 110, "100 MiB"), new LineChart.Point(50, 500, 480, 520, null))))
                .add(new LineChart.Series("limit", java.awt.Color.RED, true, List.of(
                        LineChart.Point.of(0, 128), LineChart.Point.of(50, 128))))
                .write(file, 640, 360);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        // Something pure blue was drawn (the measured line), on a white background.
        boolean blue = false;
        for (int x = 0; x < 640 && !blue; x++) {
            for (int y = 0; y < 360 && !blue; y++) {
                blue = (image.getRGB(x, y) & 0xFFFFFF) == 0x0000FF;
            }
        }
        assertThat(blue).isTrue();
        assertThat(image.getRGB(639, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void niceAxisEnds() {
        assertThat(LineChart.niceMax(128)).isEqualTo(150);
        assertThat(LineChart.niceMax(50)).isEqualTo(60);
        assertThat(LineChart.niceMax(90)).isEqualTo(100);
        assertThat(LineChart.niceMax(0)).isEqualTo(1);
        assertThat(LineChart.niceMax(17)).isEqualTo(20);
    }

    @Test
    void readyOnceEveryShardHasConnectedWithAllItsServers() {
        GrowthMain.AllShardsConnected ready = new GrowthMain.AllShardsConnected(3, 3000);
        assertThat(ready.test("12:00:00.001 INFO  [main] d.l.b.BotApplication - started: 7 commands, answered once Discord connects")).isFalse();
        assertThat(ready.test("INFO  [JDA [1 / 3] MainWS-ReadThread] d.l.b.d.DiscordBot - shard [1 / 3] connected to Discord, 1000 servers")).isFalse();
        // The same shard again (a reconnect) is not a second shard.
        assertThat(ready.test("shard [1 / 3] connected to Discord, 1000 servers")).isFalse();
        assertThat(ready.test("shard [0 / 3] connected to Discord, 1000 servers")).isFalse();
        // Another total is another process's shard, not ours.
        assertThat(ready.test("shard [2 / 4] connected to Discord, 1000 servers")).isFalse();
        assertThat(ready.test("shard [2 / 3] connected to Discord, 1000 servers")).isTrue();

        GrowthMain.AllShardsConnected missing = new GrowthMain.AllShardsConnected(1, 1000);
        assertThat(missing.test("shard [0 / 1] connected to Discord, 999 servers")).as("a server short").isFalse();
    }
}
