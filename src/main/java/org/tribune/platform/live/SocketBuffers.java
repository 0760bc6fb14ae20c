package org.tribune.platform.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The size of the read and of the write buffer Tomcat keeps for every open connection (its default is 8 KiB each).
 * Once handed over ({@link UpgradedStream}), a live page costs these two buffers and about 2 KiB more, so they are
 * what 10,000 open pages cost: 4 KiB each makes about 10 KiB a page (measured) instead of about 18. Ordinary requests are read and
 * written in chunks of this size; pages are a few tens of KiB, so a few more writes each.
 */
@Configuration(proxyBeanMethods = false)
class SocketBuffers {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> socketBufferSize(
            @Value("${tribune.socket-buffer-size:4KB}") DataSize size) {
        String bytes = Long.toString(size.toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (!connector.setProperty("socket.appReadBufSize", bytes) || !connector.setProperty("socket.appWriteBufSize", bytes)) {
                throw new IllegalStateException("Tomcat did not take the socket buffer size " + size);
            }
        });
    }
}
