package org.tribune.platform.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** Attributes read back from the same bytes: shared when nobody can change them, never otherwise. */
class AttributeReadsTest {
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer = new DeserializingConverter();
    private final AtomicInteger deserialized = new AtomicInteger();
    private final AttributeReads reads = new AttributeReads(bytes -> {
        deserialized.incrementAndGet();
        return deserializer.convert(bytes);
    });

    @Test
    void valuesNobodyCanChangeAreReadOnceAndShared() {
        byte[] token = serializer.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret"));
        byte[] at = serializer.convert(Instant.parse("2026-12-06T10:00:00Z"));

        Object first = reads.read(token);
        assertThat(reads.read(token)).isSameAs(first);
        assertThat(reads.read(at)).isEqualTo(Instant.parse("2026-12-06T10:00:00Z")).isSameAs(reads.read(at));
        assertThat(deserialized).hasValue(2);
        // other bytes, even equal ones, are read again: a changed attribute is new bytes
        assertThat(reads.read(serializer.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret")))).isNotSameAs(first);
    }

    @Test
    void eachRequestGetsItsOwnSecurityContextAroundTheSameAuthentication() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated("ana", null, List.of());
        byte[] bytes = serializer.convert(new SecurityContextImpl(authentication));

        SecurityContext one = (SecurityContext) reads.read(bytes);
        SecurityContext two = (SecurityContext) reads.read(bytes);

        assertThat(one).isNotSameAs(two);
        assertThat(one.getAuthentication()).isSameAs(two.getAuthentication());
        assertThat(one.getAuthentication().getName()).isEqualTo("ana");
        one.setAuthentication(null);
        assertThat(two.getAuthentication()).isNotNull();
        assertThat(((SecurityContext) reads.read(bytes)).getAuthentication()).isNotNull();
        assertThat(deserialized).hasValue(1);
    }

    @Test
    void anythingElseIsReadFromItsBytesEveryTime() {
        byte[] bytes = serializer.convert(new ArrayList<>(List.of("a")));

        @SuppressWarnings("unchecked")
        List<String> one = (List<String>) reads.read(bytes);
        one.add("b");

        assertThat(reads.read(bytes)).isEqualTo(List.of("a"));
        assertThat(deserialized).hasValue(2);
    }
}
