package org.tribune;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The database of this run, GreenMail as SMTP server, and limits loose enough for many tests from one address. */
public class TestSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> settings = new HashMap<>(TestDatabase.settings());
        settings.putAll(TestMail.settings());
        settings.put("tribune.limits.signups-per-hour", 100_000);
        settings.put("tribune.limits.login-failures-per-address-hour", 100_000);
        settings.put("tribune.data-dir", System.getProperty("java.io.tmpdir") + "/tribune-test");
        settings.put("logging.level.org.tribune", "INFO");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tribune-test", settings));
    }
}
