package org.tribune.platform;

import java.util.Locale;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens an embedded H2 file through H2's {@code retry:} file system. A Java file channel closes itself when a thread
 * that is interrupted uses it, and H2 shares one channel for the whole database: a single write from an interrupted
 * thread (a virtual thread whose socket read was cut, a library that re-asserts an interrupt) closed the database
 * for every request until the server was restarted ("Writing to FileChannelImpl failed", then "The database has been
 * closed"). Through {@code retry:} H2 opens the channel again and repeats the write. An operator's URL that names a
 * file system of its own is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class InterruptSafeDatabase {
    private static final String FILE = "jdbc:h2:file:";
    /** A file system prefix (two letters or more, so that a Windows drive such as {@code C:} is not taken for one). */
    private static final Pattern FILE_SYSTEM = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]+:");

    @Bean
    static BeanPostProcessor embeddedDatabaseSafeFromInterrupts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
                    pool.setJdbcUrl(interruptSafe(pool.getJdbcUrl()));
                }
                return bean;
            }
        };
    }

    static String interruptSafe(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith(FILE)) {
            return url;
        }
        String path = url.substring(FILE.length());
        return FILE_SYSTEM.matcher(path).find() ? url : FILE + "retry:" + path;
    }

    /** The file's own path in an H2 file URL, without its settings or a {@code retry:} prefix. */
    static String filePath(String url) {
        String path = url.substring(FILE.length()).split(";", 2)[0];
        return path.startsWith("retry:") ? path.substring("retry:".length()) : path;
    }
}
