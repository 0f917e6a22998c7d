package io.shardline.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivedHoursTest {
    @TempDir
    Path root;

    private List<String> hours(String start, String end) throws IOException {
        return ArchivedHours.of(root.toUri().toString(), "Orders", start, end).stream()
                .map(path -> path.getParent().getName() + "/" + path.getName())
                .toList();
    }

    @Test
    void datesAndHoursSelectTheTablesHourDirectoriesBothEndsIncluded() throws IOException {
        for (String hour : List.of(
                "date=2026-11-26/hour=23",
                "date=2026-11-27/hour=00",
                "date=2026-11-27/hour=13",
                "date=2026-11-27/hour=23",
                "date=2026-11-28/hour=00")) {
            Files.createDirectories(root.resolve("table=Orders").resolve(hour));
        }
        Files.createDirectories(root.resolve("table=Other/date=2026-11-27/hour=13"));
        Files.createDirectories(root.resolve("table=Orders/notes"));

        assertThat(hours(null, null)).hasSize(5);
        assertThat(hours("2026-11-27", "2026-11-27"))
                .containsExactly("date=2026-11-27/hour=00", "date=2026-11-27/hour=13", "date=2026-11-27/hour=23");
        assertThat(hours("2026-11-27T13", "2026-11-28T00"))
                .containsExactly("date=2026-11-27/hour=13", "date=2026-11-27/hour=23", "date=2026-11-28/hour=00");
        assertThat(hours(null, "2026-11-26T23")).containsExactly("date=2026-11-26/hour=23");
        assertThat(ArchivedHours.of(root.toUri().toString(), "Missing", null, null))
                .isEmpty();
    }

    @Test
    void aMalformedDateIsRefusedNamingTheFormsThatWork() {
        assertThatThrownBy(() -> hours("27/11/2026", null))
                .hasMessageContaining(
                        "'27/11/2026' is neither a date " + "(2026-11-27) nor a date and hour (2026-11-27T13)");
    }
}
