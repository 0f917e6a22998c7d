package io.shardline.jobs.game;

import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Makes game events: players, games and actions drawn with a configurable skew (a few games and
 * players are much busier than the rest), scores, and event times that trail the generator's clock
 * by a random disorder, with a fraction of events arriving far too late (once the generator has run
 * that long: an event is never older than the generator's first).
 */
public final class GameEventGenerator {
    static final List<String> ACTIONS = List.of("kill", "death", "score", "purchase", "level-up", "chat", "quit");

    /**
     * @param games          how many games
     * @param players        how many players
     * @param actions        how many kinds of action (1 to 7)
     * @param skew           1 for uniform choices; larger values favour the first games and players
     * @param maxDisorderMillis events happen up to this long before they are written
     * @param tooLateFraction share of events written {@code tooLateByMillis} after they happened
     * @param tooLateByMillis how late those are
     */
    public record Settings(
            int games,
            int players,
            int actions,
            double skew,
            long maxDisorderMillis,
            double tooLateFraction,
            long tooLateByMillis) {
        public Settings {
            if (games < 1
                    || players < 1
                    || actions < 1
                    || actions > ACTIONS.size()
                    || skew < 1
                    || maxDisorderMillis < 0
                    || tooLateFraction < 0
                    || tooLateFraction > 1
                    || tooLateByMillis < 0) {
                throw new IllegalArgumentException("Invalid generator settings: " + this);
            }
        }
    }

    private final Settings settings;
    private final LongSupplier clock;
    private final Random random;
    private final String prefix;
    private long sequence;
    /** The clock's first reading: events are never too late for a time before it. */
    private long origin = Long.MIN_VALUE;

    /**
     * @param clock  the current event time (epoch millis): the wall clock, or a simulated one in tests
     * @param prefix starts every event id, so several generators never collide
     */
    public GameEventGenerator(Settings settings, LongSupplier clock, long seed, String prefix) {
        this.settings = settings;
        this.clock = clock;
        this.random = new Random(seed);
        this.prefix = prefix;
    }

    public GameEvent next() {
        long now = clock.getAsLong();
        origin = origin == Long.MIN_VALUE ? now : origin;
        boolean tooLate =
                random.nextDouble() < settings.tooLateFraction() && now - settings.tooLateByMillis() >= origin;
        long happened = tooLate
                ? now - settings.tooLateByMillis()
                : now - (settings.maxDisorderMillis() == 0 ? 0 : random.nextLong(settings.maxDisorderMillis() + 1));
        String action = ACTIONS.get(random.nextInt(settings.actions()));
        long score = switch (action) {
            case "kill", "score" -> 10 + random.nextInt(91);
            case "death" -> -5;
            case "purchase" -> 1 + random.nextInt(50);
            case "level-up" -> 100;
            default -> 0;
        };
        return new GameEvent(
                prefix + "-" + sequence++,
                "game-" + skewed(settings.games()),
                action,
                "player-" + skewed(settings.players()),
                score,
                happened);
    }

    /** An index in [0, n): uniform for skew 1, concentrated on small indexes as skew grows. */
    private int skewed(int n) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), settings.skew())));
    }
}
