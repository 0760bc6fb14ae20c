package org.tribune.platform.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class LocalCachesTest {

    @Test
    void aCacheIsKeptInShapeByTheThreadThatWritesToIt() {
        Cache<Integer, String> cache = LocalCaches.newBuilder().maximumSize(10).<Integer, String>build();
        for (int i = 0; i < 1_000; i++) {
            cache.put(i, "value " + i);
            // no cleanUp(), no waiting: the eviction has already happened on this thread
            assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void everyCacheOfTheApplicationStartsHere() {
        noClasses().that().doNotHaveFullyQualifiedName(LocalCaches.class.getName())
                .should().callMethod(Caffeine.class, "newBuilder")
                .because("a cache's upkeep must not wake the common pool on every batch of reads (see LocalCaches)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tribune"));
    }
}
