package io.echotune.server.spotify;

import io.echotune.music.spotify.ImportReport;
import io.echotune.music.spotify.SpotifyConfigured;
import io.echotune.music.spotify.SpotifyHistoryImport;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Imports every linked user's Spotify history again every {@code echotune.spotify.import-interval} (recently played
 * only reaches back 50 plays, so it has to be read regularly). Exists only when Spotify is configured. With several
 * instances ShedLock (io.echotune.server.scheduling) lets one of them run it per period; should two ever overlap,
 * imports are upserts on a dedup key, so that costs requests, never duplicates.
 */
@Component
@Conditional(SpotifyConfigured.class)
public class SpotifyImportSchedule {

    private static final Logger log = LoggerFactory.getLogger(SpotifyImportSchedule.class);
    private final SpotifyHistoryImport importer;

    public SpotifyImportSchedule(SpotifyHistoryImport importer) {
        this.importer = importer;
    }

    @Scheduled(fixedDelayString = "${echotune.spotify.import-interval:1h}", initialDelayString = "${echotune.spotify.import-interval:1h}")
    @SchedulerLock(name = "spotify-history-import", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    public void importLinkedUsers() {
        List<ImportReport> reports = importer.importAll();
        log.info("Scheduled Spotify import: {} users imported, {} new history entries",
                reports.size(), reports.stream().mapToInt(ImportReport::added).sum());
    }
}
