package org.tribune.media;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses where picture files live ({@code tribune.media.storage}); see docs/pictures.md. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean
    PictureFiles pictureFiles(@Value("${tribune.media.storage:directory}") String storage,
            @Value("${tribune.data-dir:./data}") String dataDir, JdbcClient db) {
        return switch (storage.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "directory" -> new DirectoryFiles(Path.of(dataDir, "media"));
            case "database" -> new DatabaseFiles(db);
            default -> throw new IllegalStateException("tribune.media.storage must be directory or database, not " + storage);
        };
    }
}
