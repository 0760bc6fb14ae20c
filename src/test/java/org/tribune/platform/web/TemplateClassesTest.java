package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every page template is initialized at start-up, none left for the first requests to initialize on their own. */
class TemplateClassesTest {
    @Test
    void everyTemplateOfTheSourcesIsFoundAndInitialized() throws IOException {
        long sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            sources = files.filter(f -> f.toString().endsWith(".jte")).count();
        }

        List<String> initialized = TemplateClasses.initializeAll(getClass().getClassLoader());

        assertThat(sources).isPositive();
        assertThat(initialized).hasSize((int) sources).doesNotHaveDuplicates()
                .contains("gg.jte.generated.precompiled.JtelayoutGenerated",
                        "gg.jte.generated.precompiled.feed.JtehomeGenerated",
                        "gg.jte.generated.precompiled.tag.JtepostcardGenerated")
                .allMatch(name -> !name.contains("$"));
    }
}
