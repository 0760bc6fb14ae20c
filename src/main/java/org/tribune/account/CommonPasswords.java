package org.tribune.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The passwords attackers try first; a new password may not be one of them, nor one of them plus digits. */
@Component
class CommonPasswords {
    private final Set<String> known;

    CommonPasswords() {
        Set<String> words = new HashSet<>(64_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the common password list ships inside Tribune", e);
        }
        this.known = Set.copyOf(words);
    }

    boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String stem = lower.replaceAll("[\\d\\W_]+$", "");
        return known.contains(lower) || (stem.length() >= 4 && known.contains(stem));
    }
}
