package org.tribune;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TribuneApplication {
    public static void main(String[] args) {
        org.tribune.platform.Backups.loopbackOnly(); // before H2 reads its settings (see Backups.online)
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(org.tribune.platform.Backups.run(args));
        }
        // Link previews connect to the address they checked and name the site in the Host header (see SafeFetch);
        // the JDK's HTTP client allows that only when told so before it is first used.
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
        org.tribune.platform.OrderlyStop.install(SpringApplication.run(TribuneApplication.class, args));
    }
}
