package io.shardline.jobs.game;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.cli.TableConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Writes generated game events into the events table (creating the game tables when missing). */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Writes generated game events into a table with a NEW_IMAGE stream.")
public final class GameEventsCommand implements Callable<Integer> {
    @Mixin
    TableConnection connection = new TableConnection();

    @Mixin
    GeneratorOptions generator = new GeneratorOptions();

    @Option(
            names = "--events-table",
            description = "Table to write (default: ${DEFAULT-VALUE})",
            defaultValue = "GameEvents")
    String eventsTable;

    @Option(
            names = "--count",
            description = "Events to write; 0 for no end (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    long count;

    @Override
    public Integer call() {
        try (DynamoDbClient client = connection.settings().createTableClient()) {
            GameTables.createIfMissing(client, eventsTable, "GameMetrics", "GameLateEvents");
            new GameEventWriter(
                            client,
                            eventsTable,
                            generator.generator(
                                    System::currentTimeMillis,
                                    UUID.randomUUID().toString().substring(0, 8)),
                            generator.rate,
                            count)
                    .run();
        }
        return 0;
    }

    /** The generator's settings as command-line options. */
    public static final class GeneratorOptions {
        @Option(names = "--rate", description = "Events per second (default: ${DEFAULT-VALUE})", defaultValue = "2000")
        public int rate;

        @Option(names = "--games", description = "Games (default: ${DEFAULT-VALUE})", defaultValue = "5")
        public int games;

        @Option(names = "--players", description = "Players (default: ${DEFAULT-VALUE})", defaultValue = "1000")
        public int players;

        @Option(
                names = "--actions",
                description = "Kinds of action, 1 to 7 (default: ${DEFAULT-VALUE})",
                defaultValue = "5")
        public int actions;

        @Option(
                names = "--skew",
                description = "1 for uniform games and players; larger favours a few " + "(default: ${DEFAULT-VALUE})",
                defaultValue = "2.0")
        public double skew;

        @Option(
                names = "--max-disorder",
                converter = DurationConverter.class,
                description =
                        "How long before " + "being written an event may have happened (default: ${DEFAULT-VALUE})",
                defaultValue = "3s")
        public Duration maxDisorder;

        @Option(
                names = "--too-late-fraction",
                description = "Share of events written far too late " + "(default: ${DEFAULT-VALUE})",
                defaultValue = "0.001")
        public double tooLateFraction;

        @Option(
                names = "--too-late-by",
                converter = DurationConverter.class,
                description = "How late those are " + "(default: ${DEFAULT-VALUE})",
                defaultValue = "2m")
        public Duration tooLateBy;

        public GameEventGenerator generator(LongSupplier clock, String prefix) {
            return new GameEventGenerator(
                    new GameEventGenerator.Settings(
                            games,
                            players,
                            actions,
                            skew,
                            maxDisorder.toMillis(),
                            tooLateFraction,
                            tooLateBy.toMillis()),
                    clock,
                    System.nanoTime(),
                    prefix);
        }
    }
}
