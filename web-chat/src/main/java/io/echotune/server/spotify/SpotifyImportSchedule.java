package io.echotune.server.spotify;

import io.echotune.music.spotify.ImportReport;
import io.echotune.music.spotify.SpotifyConfigured;
import io.echotune.music.spotify.SpotifyHistoryImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Imports every linked user's Spotify history again every {@code echotune.spotify.import-interval} (recently played
 * only reaches back 50 plays, so it has to be read regularly). Exists only when Spotify is configured. Every instance
 * runs it for now: imports are upserts on a dedup key, so overlapping runs cost requests, never duplicates. Once the
 * cluster-wide scheduler lock (ShedLock, io.echotune.server.scheduling) is in, this gets
 * {@code @SchedulerLock(name = "spotify-history-import")} so one instance runs it per period.
 */
@Component
@Conditional(SpotifyConfigured.class)
@EnableScheduling // idempotent; the scheduler may also be enabled elsewhere
public class SpotifyImportSchedule {

    private static final Logger log = LoggerFactory.getLogger(SpotifyImportSchedule.class);
    private final SpotifyHistoryImport importer;

    public SpotifyImportSchedule(SpotifyHistoryImport importer) {
        this.importer = importer;
    }

    @Scheduled(fixedDelayString = "${echotune.spotify.import-interval:1h}", initialDelayString = "${echotune.spotify.import-interval:1h}")
    public void importLinkedUsers() {
        List<ImportReport> reports = importer.importAll();
        log.info("Scheduled Spotify import: {} users imported, {} new history entries",
                reports.size(), reports.stream().mapToInt(ImportReport::added).sum());
    }
}
