package org.tribune.platform;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
// Async: durable event listeners (@ApplicationModuleListener) run after the commit on a thread of their own.
@EnableAsync
@EnableScheduling
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** English and French, from i18n/messages_{en,fr}.properties; English when a language is missing. */
    @Bean
    MessageSource messageSource() {
        BundledMessages messages = new BundledMessages();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        messages.load(org.tribune.platform.web.LocaleSettings.SUPPORTED);
        return messages;
    }
}
